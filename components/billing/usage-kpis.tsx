"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatCents } from "@/lib/billing/micros";
import type { InvoiceSummary } from "@/lib/schemas/billing";
import type { UsageSummary } from "@/lib/schemas/billing-usage";
import { formatMinutes } from "./billing-format";

type Props = {
  usage: UsageSummary | undefined;
  /** A past month's invoice (the live one, else a voided one); undefined while it loads. */
  monthInvoice: InvoiceSummary | null | undefined;
};

type Kpi = { key: string; title: string; /** null while loading */ value: string | null; hint?: ReactNode };

/** The month's four headline figures: amount, calls, minutes, and the estimate (or the month's invoice). */
export function UsageKpis({ usage, monthInvoice }: Props) {
  const { t, locale } = useI18n();
  if (!usage) {
    return (
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-busy>
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-[6.5rem] w-full rounded-xl" />
        ))}
      </div>
    );
  }
  const number = new Intl.NumberFormat(locale);
  const toDate = usage.month === usage.currentMonth;
  const last: Kpi = usage.estimate
    ? {
        key: "estimate",
        title: t("billing.kpi.estimate"),
        value: formatCents(usage.estimate.totalCents, locale),
        hint: t("billing.kpi.estimateHint"),
      }
    : {
        key: "invoice",
        title: t("billing.kpi.invoice"),
        value: monthInvoice ? formatCents(monthInvoice.totalCents, locale) : monthInvoice === null ? t("billing.kpi.noInvoice") : null,
        hint: monthInvoice ? (
          <Link href={`/billing/invoices/${monthInvoice.id}`} className="underline-offset-4 hover:underline">
            {t(`billing.status.${monthInvoice.status}`)} · {monthInvoice.number ?? "—"}
          </Link>
        ) : undefined,
      };
  const kpis: Kpi[] = [
    { key: "amount", title: t(toDate ? "billing.kpi.amountToDate" : "billing.kpi.amount"), value: formatCents(usage.amountCents, locale) },
    {
      key: "calls",
      title: t("billing.kpi.calls"),
      value: number.format(usage.calls),
      hint: usage.unratableCalls > 0 ? t("billing.kpi.underReview", { count: number.format(usage.unratableCalls) }) : undefined,
    },
    {
      key: "minutes",
      title: t("billing.kpi.minutes"),
      value: t("billing.kpi.minutesValue", { minutes: formatMinutes(usage.billedSeconds, locale) }),
    },
    last,
  ];

  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="billing-kpis">
      {kpis.map((kpi) => (
        <Card key={kpi.key} className="gap-1 py-4" data-testid={`billing-kpi-${kpi.key}`}>
          <CardHeader className="px-4">
            <CardDescription>{kpi.title}</CardDescription>
            <CardTitle className="text-2xl tabular-nums">{kpi.value ?? <Skeleton className="h-8 w-28" />}</CardTitle>
          </CardHeader>
          {kpi.hint && <CardContent className="px-4 text-xs text-muted-foreground">{kpi.hint}</CardContent>}
        </Card>
      ))}
    </div>
  );
}
