"use client";

import { TriangleAlertIcon } from "lucide-react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import type { DidImportResult } from "@/lib/schemas/inventory";

/** A long list would only slow the dialog down; the first ones show what to fix. */
const SHOWN = 500;

export function DidImportResults({ result }: { result: DidImportResult }) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  const badLines = new Set(result.errors.map((e) => e.line)).size;
  return (
    <div className="flex flex-col gap-3" data-testid="did-import-errors">
      <div role="alert" className="flex gap-3 rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm">
        <TriangleAlertIcon className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
        <div>
          <p className="font-medium text-destructive">{t("inventory.importDialog.rejectedTitle")}</p>
          <p>{t("inventory.importDialog.rejectedBody", { count: number.format(badLines), rows: number.format(result.rows) })}</p>
        </div>
      </div>
      <div className="max-h-80 overflow-y-auto rounded-md border">
        <Table>
          <TableHeader className="sticky top-0 bg-background">
            <TableRow>
              <TableHead className="w-20">{t("inventory.importDialog.line")}</TableHead>
              <TableHead>{t("inventory.importDialog.reason")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.errors.slice(0, SHOWN).map((error, i) => (
              <TableRow key={i}>
                <TableCell className="align-top tabular-nums">{error.line}</TableCell>
                <TableCell className="whitespace-normal">{error.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {result.errors.length > SHOWN && (
        <p className="text-sm text-muted-foreground">
          {t("inventory.importDialog.moreErrors", { count: number.format(result.errors.length - SHOWN) })}
        </p>
      )}
    </div>
  );
}
