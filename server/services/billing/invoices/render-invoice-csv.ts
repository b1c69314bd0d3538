import { centsToDecimal } from "@/lib/billing/micros";
import { formatCnpj } from "@/lib/cnpj";
import { getDictionary, translate, type Locale, type MessageKey, type Params } from "@/lib/i18n";
import type { InvoiceView } from "@/lib/schemas/billing";
import { formatTaxPercent, invoiceLineTitle } from "@/lib/schemas/billing-invoices";
import { toCsv, type CsvCell } from "@/server/services/leads/leads-csv";
import { saoPauloDay } from "./billing-month";

/**
 * An invoice as CSV: one row per line, then the subtotal and the total, each row led by the invoice
 * it belongs to (number or "RASCUNHO", customer, CNPJ, month, issue and due dates) so that several
 * invoices' files can be stacked in one sheet. `;` separated whatever the language (amounts keep the
 * language's decimal mark, so a pt-BR spreadsheet reads "1234,56" as a number), UTF-8 with BOM, and
 * the leads export's guard against cells a spreadsheet would run as a formula: descriptions come
 * from rate decks, plan, tax and company names that people type.
 */
export function renderInvoiceCsv(invoice: InvoiceView, locale: Locale): string {
  const dict = getDictionary(locale);
  const t = (key: MessageKey, params?: Params) => translate(dict, key, params);
  const amount = (cents: bigint): CsvCell => {
    const text = centsToDecimal(cents);
    return { raw: locale === "pt-BR" ? text.replace(".", ",") : text };
  };
  const lead: CsvCell[] = [
    invoice.number ?? t("invoices.document.draft"),
    invoice.tenant.name,
    invoice.tenant.cnpj ? formatCnpj(invoice.tenant.cnpj) : null,
    { raw: invoice.month },
    invoice.issuedAt ? { raw: saoPauloDay(invoice.issuedAt) } : null,
    invoice.dueAt ? { raw: invoice.dueAt } : null,
  ];
  const header = [
    t("invoices.document.number"),
    t("invoices.document.customer"),
    t("invoices.document.cnpj"),
    t("invoices.document.month"),
    t("invoices.document.issuedAt"),
    t("invoices.document.dueAt"),
    t("invoices.csv.kind"),
    t("invoices.csv.description"),
    t("invoices.csv.quantity"),
    t("invoices.csv.billedSeconds"),
    t("invoices.csv.percent"),
    t("invoices.csv.amount"),
  ];
  const rows: CsvCell[][] = [
    header,
    ...invoice.lines.map((line): CsvCell[] => [
      ...lead,
      t(`invoices.kind.${line.kind}`),
      invoiceLineTitle(line, t),
      line.quantity,
      line.billedSeconds === null ? null : { raw: line.billedSeconds.toString() },
      line.basisPoints === null ? null : formatTaxPercent(line.basisPoints, locale),
      amount(line.amountCents),
    ]),
    [...lead, t("invoices.csv.subtotal"), null, null, null, null, amount(invoice.subtotalCents)],
    [...lead, t("invoices.csv.total"), null, null, null, null, amount(invoice.totalCents)],
  ];
  return toCsv(rows, ";");
}
