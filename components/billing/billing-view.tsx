"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { InfoIcon } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { LoadError } from "@/components/settings/load-error";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { InvoicesCard } from "./invoices-card";
import { MonthSelect } from "./month-select";
import { RecurringFeesCard } from "./recurring-fees-card";
import { UsageByDayChart } from "./usage-by-day-chart";
import { UsageDestinationsTable } from "./usage-destinations-table";
import { UsageKpis } from "./usage-kpis";

/** /billing: a month's usage (the current one to date), the estimate of its invoice, and the invoices. */
export function BillingView() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  // In the address (?month=2026-09), so a month can be linked and Back returns to it; none = the
  // current month, whichever it is when the server answers.
  const asked = useSearchParams().get("month");
  const month = asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : null;
  const usageQuery = useQuery(trpc.billing.usage.queryOptions(month ? { month } : {}, { placeholderData: keepPreviousData }));
  const usage = usageQuery.data;
  const setMonth = (next: string) =>
    router.replace(next === usageQuery.data?.currentMonth ? pathname : `${pathname}?month=${next}`, { scroll: false });
  const pastMonth = usage && usage.month !== usage.currentMonth ? usage.month : null;
  const monthInvoices = useQuery({
    ...trpc.billing.invoices.queryOptions({ month: pastMonth ?? undefined, limit: 5 }),
    enabled: pastMonth !== null,
  });
  // The live invoice of the month, else a voided one.
  const monthInvoice = monthInvoices.data
    ? (monthInvoices.data.items.find((i) => i.status !== "void") ?? monthInvoices.data.items[0] ?? null)
    : undefined;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: "America/Sao_Paulo" });
  const stale = usageQuery.isPlaceholderData;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("billing.title")}</h1>
          <p className="text-sm text-muted-foreground">{t("billing.subtitle")}</p>
          {usage && (
            <p className="mt-1 text-xs text-muted-foreground" data-testid="billing-last-rated">
              {usage.lastRatedAt ? t("billing.month.lastRated", { when: when.format(usage.lastRatedAt) }) : t("billing.month.notRatedYet")}
            </p>
          )}
        </div>
        <MonthSelect
          value={usage?.month ?? null}
          months={usage?.months ?? null}
          currentMonth={usage?.currentMonth ?? null}
          onChange={setMonth}
        />
      </div>

      {usageQuery.isError ? (
        <Card>
          {usageQuery.error.data?.code === "BAD_REQUEST" ? (
            // A month typed into the address that is not one (or not yet): say so, offer this month.
            <div role="alert" className="flex flex-col items-center gap-3 p-8 text-center">
              <p>{usageQuery.error.message}</p>
              <Button variant="outline" onClick={() => router.replace(pathname, { scroll: false })}>
                {t("billing.month.current")}
              </Button>
            </div>
          ) : (
            <LoadError onRetry={() => void usageQuery.refetch()} />
          )}
        </Card>
      ) : (
        <div aria-busy={usageQuery.isFetching} className={`flex flex-col gap-4 ${stale ? "opacity-60 transition-opacity" : ""}`}>
          {usage && usage.unratableCalls > 0 && (
            <div
              role="status"
              className="flex items-start gap-3 rounded-lg border border-warning/30 bg-warning/10 px-4 py-3 text-sm"
              data-testid="billing-under-review"
            >
              <InfoIcon aria-hidden className="mt-0.5 size-4 shrink-0 text-warning" />
              <div>
                <p className="font-medium">{t("billing.underReview.title")}</p>
                <p className="text-muted-foreground">{t("billing.underReview.body", { count: usage.unratableCalls })}</p>
              </div>
            </div>
          )}
          <UsageKpis usage={usage} monthInvoice={pastMonth ? monthInvoice : null} />
          <UsageByDayChart days={usage?.byDay} />
          <div className={usage?.estimate ? "grid gap-4 lg:grid-cols-2" : "grid gap-4"}>
            <UsageDestinationsTable usage={usage} />
            {usage?.estimate && <RecurringFeesCard estimate={usage.estimate} />}
          </div>
        </div>
      )}

      <InvoicesCard />
    </div>
  );
}
