"use client";

import { TriangleAlertIcon } from "lucide-react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import type { ImportLineError } from "@/lib/schemas/billing-tariffs";

/** A refused file: how many lines are bad, and the first of them by number with the reason. */
export function RateImportErrors({ rows, badLines, errors }: { rows: number; badLines: number; errors: ImportLineError[] }) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  const listed = new Set(errors.map((e) => e.line)).size;
  return (
    <div className="flex flex-col gap-3" data-testid="rate-import-errors">
      <div role="alert" className="flex gap-3 rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm">
        <TriangleAlertIcon className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
        <div>
          <p className="font-medium text-destructive">{t("tariffs.import.rejectedTitle")}</p>
          <p>{t("tariffs.import.rejectedBody", { count: number.format(badLines), rows: number.format(rows) })}</p>
        </div>
      </div>
      <div className="max-h-80 overflow-y-auto rounded-md border">
        <Table>
          <TableHeader className="sticky top-0 bg-background">
            <TableRow>
              <TableHead className="w-20">{t("tariffs.import.line")}</TableHead>
              <TableHead>{t("tariffs.import.reason")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {errors.map((error, i) => (
              <TableRow key={i}>
                <TableCell className="align-top tabular-nums">{error.line}</TableCell>
                <TableCell className="whitespace-normal">{error.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {badLines > listed && <p className="text-sm text-muted-foreground">{t("tariffs.import.moreErrors")}</p>}
    </div>
  );
}
