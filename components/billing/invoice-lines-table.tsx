"use client";

import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatCents } from "@/lib/billing/micros";
import type { InvoiceLineView, InvoiceView } from "@/lib/schemas/billing";
import { formatBasisPoints, formatMinutes } from "./billing-format";

/** An invoice's lines in their order (plan, DIDs, usage by destination, taxes) with subtotal, taxes and total. */
export function InvoiceLinesTable({ invoice }: { invoice: InvoiceView }) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  const quantity = (line: InvoiceLineView): string => {
    if (line.kind === "tax")
      return line.basisPoints === null ? "" : t("billing.invoice.taxRate", { rate: formatBasisPoints(line.basisPoints, locale) });
    if (line.kind === "usage") {
      return t("billing.invoice.usage", {
        calls: number.format(line.quantity ?? 0),
        minutes: formatMinutes(line.billedSeconds ?? 0n, locale),
      });
    }
    return line.quantity === null ? "" : t("billing.invoice.days", { count: line.quantity });
  };
  const charges = invoice.lines.filter((l) => l.kind !== "tax");
  const taxes = invoice.lines.filter((l) => l.kind === "tax");
  const row = (line: InvoiceLineView) => (
    <TableRow key={line.position} data-testid="invoice-line">
      <TableCell className="pl-6 text-muted-foreground">{t(`billing.invoice.kinds.${line.kind}`)}</TableCell>
      <TableCell className="max-w-72 truncate font-medium">{line.description}</TableCell>
      <TableCell className="text-muted-foreground tabular-nums">{quantity(line)}</TableCell>
      <TableCell className="pr-6 text-right tabular-nums">{formatCents(line.amountCents, locale)}</TableCell>
    </TableRow>
  );
  const total = (label: string, cents: bigint, strong = false) => (
    <TableRow className={strong ? "text-base font-semibold" : undefined}>
      <TableCell className="pl-6" colSpan={3}>
        {label}
      </TableCell>
      <TableCell className="pr-6 text-right tabular-nums">{formatCents(cents, locale)}</TableCell>
    </TableRow>
  );

  return (
    <Table data-testid="invoice-lines">
      <caption className="sr-only">{t("billing.invoice.lines")}</caption>
      <TableHeader>
        <TableRow>
          <TableHead className="w-28 pl-6">
            <span className="sr-only">{t("billing.invoice.kind")}</span>
          </TableHead>
          <TableHead>{t("billing.invoice.description")}</TableHead>
          <TableHead>{t("billing.invoice.quantity")}</TableHead>
          <TableHead className="pr-6 text-right">{t("billing.invoice.amount")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {charges.map(row)}
        {total(t("billing.invoice.subtotal"), invoice.subtotalCents)}
        {taxes.map(row)}
      </TableBody>
      <TableFooter>
        {/* One tax line already says its amount; several get their sum. */}
        {taxes.length > 1 && total(t("billing.invoice.tax"), invoice.taxCents)}
        {total(t("billing.invoice.total"), invoice.totalCents, true)}
      </TableFooter>
    </Table>
  );
}
