"use client";

import { InfoIcon } from "lucide-react";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import { LEAD_IMPORT_FIELDS, type LeadImportField } from "@/lib/schemas/lead-import";

const IGNORE = "__ignore";

type Props = {
  header: string[];
  sample: string[][];
  mapping: (LeadImportField | null)[];
  onChange: (mapping: (LeadImportField | null)[]) => void;
  ownerIgnored: boolean;
};

/** The first non-empty value of a column in the sample, to recognize it by. */
function exampleOf(sample: string[][], column: number): string | null {
  for (const row of sample) {
    const value = row[column]?.trim();
    if (value) return value.length > 40 ? `${value.slice(0, 39)}…` : value;
  }
  return null;
}

/**
 * Step 2: a field per column. Choosing a field another column already fills moves it here (the
 * other column becomes "ignore"), so a field never comes from two columns.
 */
export function ImportMappingStep({ header, sample, mapping, onChange, ownerIgnored }: Props) {
  const { t } = useI18n();
  const choose = (column: number, value: string) => {
    const field = value === IGNORE ? null : (value as LeadImportField);
    onChange(mapping.map((current, i) => (i === column ? field : current === field ? null : current)));
  };
  const missingName = !mapping.includes("name");

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-muted-foreground">{t("leadImport.mapping.intro")}</p>
      <div className="max-h-[45svh] overflow-y-auto rounded-md border">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t("leadImport.mapping.column")}</TableHead>
              <TableHead>{t("leadImport.mapping.example")}</TableHead>
              <TableHead className="w-52">{t("leadImport.mapping.field")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {header.map((name, column) => {
              const example = exampleOf(sample, column);
              const label = name || `#${column + 1}`;
              return (
                <TableRow key={column}>
                  <TableCell className="font-medium">{label}</TableCell>
                  <TableCell className="max-w-56 truncate text-muted-foreground">{example ?? t("leadImport.mapping.empty")}</TableCell>
                  <TableCell>
                    <Select value={mapping[column] ?? IGNORE} onValueChange={(v) => choose(column, v)}>
                      <SelectTrigger className="w-full" aria-label={`${t("leadImport.mapping.field")}: ${label}`}>
                        <SelectValue />
                      </SelectTrigger>
                      <SelectContent>
                        <SelectItem value={IGNORE}>{t("leadImport.mapping.ignore")}</SelectItem>
                        {LEAD_IMPORT_FIELDS.map((field) => (
                          <SelectItem key={field} value={field}>
                            {t(`leadImport.field.${field}`)}
                            {field === "name" ? " *" : ""}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      {missingName && (
        <p role="alert" className="text-sm text-destructive">
          {t("leadImport.mapping.nameRequired")}
        </p>
      )}
      {mapping.includes("owner") && (
        <p className="flex items-start gap-2 text-sm text-muted-foreground">
          <InfoIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
          {ownerIgnored ? t("leadImport.mapping.ownerIgnored") : t("leadImport.mapping.ownerHint")}
        </p>
      )}
    </div>
  );
}
