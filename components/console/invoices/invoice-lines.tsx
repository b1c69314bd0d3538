"use client";

import { Fragment } from "react";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatCents } from "@/lib/billing/micros";
import { INVOICE_LINE_KINDS, type InvoiceView } from "@/lib/schemas/billing";
import { invoiceLineQuantity } from "@/lib/schemas/billing-invoices";

/** The invoice's lines grouped by kind (plan, numbers, usage by destination), then subtotal, taxes and total. */
export function InvoiceLines({ invoice }: { invoice: InvoiceView }) {
  const { t, locale } = useI18n();
  const money = (cents: bigint) => formatCents(cents, locale);
  const charges = INVOICE_LINE_KINDS.filter((kind) => kind !== "tax")
    .map((kind) => ({ kind, lines: invoice.lines.filter((line) => line.kind === kind) }))
    .filter((group) => group.lines.length > 0);
  const taxes = invoice.lines.filter((line) => line.kind === "tax");

  if (invoice.lines.length === 0) return <p className="p-6 text-center text-sm text-muted-foreground">{t("invoices.detail.noLines")}</p>;
  return (
    <Table data-testid="invoice-lines">
      <TableHeader>
        <TableRow>
          <TableHead>{t("invoices.detail.description")}</TableHead>
          <TableHead className="text-right">{t("invoices.detail.quantity")}</TableHead>
          <TableHead className="text-right">{t("invoices.detail.amount")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {charges.map((group) => (
          <Fragment key={group.kind}>
            <TableRow className="bg-muted/40 hover:bg-muted/40">
              <TableCell colSpan={3} className="py-1.5 text-xs font-medium tracking-wide text-muted-foreground uppercase">
                {t(`invoices.kindGroup.${group.kind}`)}
              </TableCell>
            </TableRow>
            {group.lines.map((line) => (
              <TableRow key={line.position} data-testid="invoice-line" data-kind={line.kind}>
                <TableCell className="font-medium">{line.description}</TableCell>
                <TableCell className="text-right text-muted-foreground tabular-nums">{invoiceLineQuantity(line, t, locale)}</TableCell>
                <TableCell className="text-right tabular-nums">{money(line.amountCents)}</TableCell>
              </TableRow>
            ))}
          </Fragment>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell colSpan={2} className="text-right">
            {t("invoices.detail.subtotal")}
          </TableCell>
          <TableCell className="text-right tabular-nums" data-testid="invoice-subtotal">
            {money(invoice.subtotalCents)}
          </TableCell>
        </TableRow>
        {taxes.map((line) => (
          <TableRow key={line.position} data-testid="invoice-line" data-kind="tax">
            <TableCell className="text-right font-normal">{line.description}</TableCell>
            <TableCell className="text-right font-normal text-muted-foreground tabular-nums">
              {invoiceLineQuantity(line, t, locale)}
            </TableCell>
            <TableCell className="text-right font-normal tabular-nums">{money(line.amountCents)}</TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableCell colSpan={2} className="text-right text-base font-semibold">
            {t("invoices.detail.total")}
          </TableCell>
          <TableCell className="text-right text-base font-semibold tabular-nums" data-testid="invoice-total">
            {money(invoice.totalCents)}
          </TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
}
