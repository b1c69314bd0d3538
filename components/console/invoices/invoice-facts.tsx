"use client";

import { Card } from "@/components/ui/card";
import { useI18n } from "@/components/providers/i18n-provider";
import type { InvoiceView } from "@/lib/schemas/billing";
import { formatBillingMonth } from "@/lib/schemas/billing-invoices";

/** The invoice's month and the dates of its life (São Paulo time). */
export function InvoiceFacts({ invoice }: { invoice: InvoiceView }) {
  const { t, locale } = useI18n();
  const at = (date: Date) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: "America/Sao_Paulo" }).format(date);
  const day = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "short", timeZone: "UTC" }).format(new Date(`${iso}T12:00:00Z`));
  const month = formatBillingMonth(invoice.month, locale);
  const facts: [string, string][] = [
    [t("invoices.detail.month"), month.charAt(0).toLocaleUpperCase(locale) + month.slice(1)],
    [t("invoices.detail.generatedAt"), at(invoice.generatedAt)],
  ];
  if (invoice.issuedAt) facts.push([t("invoices.detail.issuedAt"), at(invoice.issuedAt)]);
  if (invoice.dueAt) facts.push([t("invoices.detail.dueAt"), day(invoice.dueAt)]);
  if (invoice.paidAt) facts.push([t("invoices.detail.paidAt"), at(invoice.paidAt)]);
  if (invoice.voidedAt) facts.push([t("invoices.detail.voidedAt"), at(invoice.voidedAt)]);
  return (
    <Card className="px-4 py-3">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3 lg:grid-cols-6">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-muted-foreground">{label}</dt>
            <dd className="text-sm font-medium tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
