"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { BarChart3Icon, TriangleAlertIcon } from "lucide-react";
import Link from "next/link";
import { useDeferredValue, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { EmptyState } from "@/components/console/inventory/list-states";
import type { ReportFilterInput } from "@/lib/schemas/billing-reports";
import { CarriersCard } from "./carriers-card";
import { DailyChart } from "./daily-chart";
import { ReportFilters } from "./report-filters";
import { ReportKpis } from "./report-kpis";
import { initialReportState, reportInput, reportSearch, type ReportSearchParams, type ReportState } from "./report-state";
import { TopChart } from "./top-chart";
import { useReportFormat } from "./use-report-format";

const NO_OPTIONS = { tenants: [], providers: [], gateways: [] };

/** /reports: the operator's revenue, cost and margin, and the gateways' ASR and ACD, for a period. */
export function ReportsView({ searchParams }: { searchParams: ReportSearchParams }) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const f = useReportFormat();
  const [state, setState] = useState<ReportState>(() => initialReportState(searchParams));
  // Typing a date should not fire six queries per keystroke.
  const deferred = useDeferredValue(state);
  const options = useQuery({ ...trpc.admin.billingReports.filterOptions.queryOptions(), staleTime: 60_000 });
  const parsed = reportInput(deferred, options.data ?? NO_OPTIONS);
  const input: ReportFilterInput = parsed.input ?? {};
  const enabled = options.isSuccess && parsed.input !== null;
  const query = { enabled, placeholderData: keepPreviousData, staleTime: 30_000 } as const;

  const summary = useQuery({ ...trpc.admin.billingReports.summary.queryOptions(input), ...query });
  const byDay = useQuery({ ...trpc.admin.billingReports.byDay.queryOptions(input), ...query });
  const byTenant = useQuery({ ...trpc.admin.billingReports.byTenant.queryOptions(input), ...query });
  const byDestination = useQuery({ ...trpc.admin.billingReports.byDestination.queryOptions(input), ...query });
  const byProvider = useQuery({ ...trpc.admin.billingReports.byProvider.queryOptions(input), ...query });
  const byGateway = useQuery({ ...trpc.admin.billingReports.byGateway.queryOptions(input), ...query });
  const all = [summary, byDay, byTenant, byDestination, byProvider, byGateway];
  const failed = options.error ?? all.find((q) => q.isError)?.error ?? null;

  const change = (next: ReportState) => {
    setState(next);
    window.history.replaceState(null, "", `${window.location.pathname}${reportSearch(next)}`);
  };
  const clearFilters = () => change({ ...state, tenantId: null, providerId: null, gatewayName: null });

  const s = summary.data;
  const nothing = s && s.totals.calls === 0 && s.traffic.attempts === 0 && s.unratableCalls === 0;
  const filtered = Boolean(state.tenantId || state.providerId || state.gatewayName);

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4" data-testid="reports-view">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("billingReports.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("billingReports.subtitle")}</p>
      </div>

      <ReportFilters value={state} onChange={change} options={options.data} errors={parsed.errors} />

      {s && (
        <p className="text-sm text-muted-foreground" aria-live="polite" data-testid="report-range">
          {s.range.days === 1
            ? t("billingReports.filters.rangeSummaryOne", { from: f.longDay(s.range.from) })
            : t("billingReports.filters.rangeSummary", { from: f.longDay(s.range.from), to: f.longDay(s.range.to), days: s.range.days })}
        </p>
      )}

      {failed ? (
        <Card role="alert" className="flex flex-col items-center gap-3 p-10 text-center" data-testid="reports-error">
          <p>{failed.message ? tm(failed.message) : t("billingReports.loadError")}</p>
          <Button variant="outline" onClick={() => void Promise.all([options, ...all].map((q) => q.refetch()))}>
            {t("common.retry")}
          </Button>
        </Card>
      ) : nothing ? (
        <Card className="py-0">
          <EmptyState
            icon={BarChart3Icon}
            testId="reports-empty"
            text={`${t("billingReports.empty.title")}. ${t("billingReports.empty.body")}`}
            action={
              filtered && (
                <Button variant="outline" onClick={clearFilters}>
                  {t("billingReports.filters.clear")}
                </Button>
              )
            }
          />
        </Card>
      ) : (
        <div className="flex flex-col gap-4 transition-opacity aria-busy:opacity-60" aria-busy={all.some((q) => q.isFetching)}>
          {s && s.unratableCalls > 0 && (
            <p
              role="note"
              className="flex flex-wrap items-center gap-2 rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm"
              data-testid="report-unratable"
            >
              <TriangleAlertIcon className="size-4 shrink-0" aria-hidden />
              {s.unratableCalls === 1
                ? t("billingReports.unratable.textOne")
                : t("billingReports.unratable.text", { count: f.integer(s.unratableCalls) })}
              <Link href="/rating" className="font-medium underline underline-offset-4">
                {t("billingReports.unratable.link")}
              </Link>
            </p>
          )}
          <ReportKpis summary={s} />
          <DailyChart data={byDay.data} totals={s?.totals} />
          <div className="grid gap-4 xl:grid-cols-2">
            <TopChart
              title={t("billingReports.charts.byTenant")}
              description={
                byTenant.data?.rows.length ? t("billingReports.charts.byTenantHint", { count: byTenant.data.rows.length }) : undefined
              }
              testId="report-by-tenant"
              labelHeader={t("billingReports.columns.tenant")}
              rows={byTenant.data?.rows.map((row) => ({ key: row.tenantId, label: row.name, money: row })) ?? null}
              others={byTenant.data?.others ?? null}
            />
            <TopChart
              title={t("billingReports.charts.destinations")}
              description={
                byDestination.data?.rows.length
                  ? t("billingReports.charts.destinationsHint", { count: byDestination.data.rows.length })
                  : undefined
              }
              testId="report-by-destination"
              labelHeader={t("billingReports.columns.destination")}
              rows={
                byDestination.data?.rows.map((row) => ({
                  key: row.destination ?? "",
                  label: row.destination ?? t("billingReports.charts.noDestination"),
                  money: row,
                })) ?? null
              }
              others={byDestination.data?.others ?? null}
            />
          </div>
          <CarriersCard providers={byProvider.data} gateways={byGateway.data} />
        </div>
      )}
    </div>
  );
}
