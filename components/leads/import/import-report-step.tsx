"use client";

import { AlertTriangleIcon, CheckCircle2Icon, CopyIcon, InfoIcon } from "lucide-react";
import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import type { LeadImportDuplicateMode, LeadImportPreview } from "@/lib/schemas/lead-import";
import { useImportTexts } from "./use-import-texts";

const SHOWN = 100;

type Props = {
  preview: LeadImportPreview;
  duplicates: LeadImportDuplicateMode;
  onDuplicatesChange: (mode: LeadImportDuplicateMode) => void;
};

function Stat({ icon, text, tone }: { icon: React.ReactNode; text: string; tone?: "bad" | "warn" | "good" }) {
  const color =
    tone === "bad"
      ? "text-destructive"
      : tone === "warn"
        ? "text-amber-600 dark:text-amber-400"
        : tone === "good"
          ? "text-emerald-600 dark:text-emerald-400"
          : "";
  return (
    <div className={`flex items-center gap-2 rounded-md border px-3 py-2 text-sm font-medium ${color}`}>
      {icon}
      {text}
    </div>
  );
}

/** Step 3: the dry run's counts, the bad lines with their reasons, the duplicates and what to do with them. */
export function ImportReportStep({ preview, duplicates, onDuplicatesChange }: Props) {
  const { t, locale } = useI18n();
  const { fieldLabel, duplicateText, reason, count } = useImportTexts();
  const n = (value: number) => new Intl.NumberFormat(locale).format(value);
  const errorsShown = preview.errors.slice(0, SHOWN);
  const duplicatesShown = preview.duplicates.slice(0, SHOWN);

  return (
    <div className="flex flex-col gap-4" data-testid="lead-import-report">
      <div className="grid gap-2 sm:grid-cols-2">
        <Stat icon={<InfoIcon className="size-4" aria-hidden />} text={count("leadImport.report.rows", preview.rows)} />
        <Stat
          icon={<CheckCircle2Icon className="size-4" aria-hidden />}
          tone="good"
          text={count("leadImport.report.valid", preview.valid)}
        />
        <Stat
          icon={<AlertTriangleIcon className="size-4" aria-hidden />}
          tone={preview.invalid > 0 ? "bad" : undefined}
          text={count("leadImport.report.invalid", preview.invalid)}
        />
        <Stat
          icon={<CopyIcon className="size-4" aria-hidden />}
          tone={preview.duplicateRows > 0 ? "warn" : undefined}
          text={count("leadImport.report.duplicates", preview.duplicateRows)}
        />
      </div>

      {preview.invalid === 0 ? (
        <p className="text-sm text-muted-foreground">{t("leadImport.report.allValid")}</p>
      ) : (
        <section className="flex flex-col gap-2">
          <h3 className="text-sm font-semibold">{t("leadImport.report.errorsTitle")}</h3>
          <div className="max-h-56 overflow-y-auto rounded-md border">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead className="w-20">{t("leadImport.report.line")}</TableHead>
                  <TableHead>{t("leadImport.report.problem")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {errorsShown.map((error) => (
                  <TableRow key={error.line}>
                    <TableCell className="align-top tabular-nums">{error.line}</TableCell>
                    <TableCell className="whitespace-normal">
                      <ul>
                        {error.problems.map((p, i) => (
                          <li key={i}>
                            <span className="sr-only">{fieldLabel(p.field)}: </span>
                            {reason(p.reason)}
                          </li>
                        ))}
                      </ul>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {preview.invalid > errorsShown.length && (
            <p className="text-xs text-muted-foreground">
              {t("leadImport.report.errorsMore", { count: n(preview.invalid - errorsShown.length) })}
            </p>
          )}
        </section>
      )}

      {preview.duplicateRows > 0 && (
        <section className="flex flex-col gap-2">
          <h3 className="text-sm font-semibold">{t("leadImport.report.duplicatesTitle")}</h3>
          <ul className="max-h-40 overflow-y-auto rounded-md border px-3 py-2 text-sm">
            {duplicatesShown.map((d, i) => (
              <li key={i} className="py-0.5">
                {d.lead ? (
                  <Link href={`/leads/${d.lead.id}`} target="_blank" className="underline-offset-4 hover:underline">
                    {duplicateText(d)}
                  </Link>
                ) : (
                  duplicateText(d)
                )}
              </li>
            ))}
          </ul>
          {preview.duplicates.length > duplicatesShown.length && (
            <p className="text-xs text-muted-foreground">
              {t("leadImport.report.duplicatesMore", { count: n(preview.duplicates.length - duplicatesShown.length) })}
            </p>
          )}
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">{t("leadImport.report.duplicateChoice")}</legend>
            {(["skip", "import"] as const).map((mode) => (
              <label
                key={mode}
                className="flex cursor-pointer items-start gap-2 rounded-md border p-2 text-sm has-[:checked]:border-primary"
              >
                <input
                  type="radio"
                  name="lead-import-duplicates"
                  value={mode}
                  checked={duplicates === mode}
                  onChange={() => onDuplicatesChange(mode)}
                  className="mt-0.5 accent-primary"
                />
                <span>
                  <span className="font-medium">{t(mode === "skip" ? "leadImport.report.skip" : "leadImport.report.importAnyway")}</span>
                  <span className="block text-muted-foreground">
                    {t(mode === "skip" ? "leadImport.report.skipHint" : "leadImport.report.importAnywayHint")}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
        </section>
      )}
    </div>
  );
}
