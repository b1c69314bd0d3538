"use client";

import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "@/components/providers/i18n-provider";
import type { ReportByDay, ReportMoney } from "@/lib/schemas/billing-reports";
import { bySeries, ChartCard, ChartFrame, EmptyChart, SERIES_COLORS, TOOLTIP_STYLE } from "./chart-card";
import { MoneyTable } from "./money-table";
import { useReportFormat } from "./use-report-format";

/** Revenue and cost as areas, margin as a line, one point per São Paulo day; the table on demand. */
export function DailyChart({ data, totals }: { data: ReportByDay | undefined; totals: ReportMoney | undefined }) {
  const { t } = useI18n();
  const f = useReportFormat();
  const title = t("billingReports.charts.byDay");
  const points = (data?.days ?? []).map((d) => ({
    label: f.shortDay(d.day),
    revenue: f.chartValue(d.revenueMicros),
    cost: f.chartValue(d.costMicros),
    margin: f.chartValue(d.marginMicros),
  }));
  const tooltip = (value: unknown) => f.tooltipMoney(Number(value));

  return (
    <ChartCard title={title} description={t("billingReports.charts.byDayHint")} testId="report-by-day" loading={!data || !totals}>
      {totals?.calls === 0 ? (
        <EmptyChart text={t("billingReports.charts.noRated")} />
      ) : (
        <>
          <ChartFrame height="h-72">
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
                <CartesianGrid vertical={false} strokeDasharray="3 3" className="stroke-border" />
                <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={11} interval="preserveStartEnd" minTickGap={16} />
                <YAxis tickLine={false} axisLine={false} fontSize={11} width={72} tickFormatter={f.axisMoney} />
                <Tooltip contentStyle={TOOLTIP_STYLE} itemSorter={bySeries} formatter={tooltip} />
                <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} itemSorter={bySeries} />
                <Area
                  dataKey="revenue"
                  name={t("billingReports.series.revenue")}
                  type="linear"
                  stroke={SERIES_COLORS.revenue}
                  fill={SERIES_COLORS.revenue}
                  fillOpacity={0.2}
                  isAnimationActive={false}
                />
                <Area
                  dataKey="cost"
                  name={t("billingReports.series.cost")}
                  type="linear"
                  stroke={SERIES_COLORS.cost}
                  fill={SERIES_COLORS.cost}
                  fillOpacity={0.15}
                  isAnimationActive={false}
                />
                <Line
                  dataKey="margin"
                  name={t("billingReports.series.margin")}
                  type="linear"
                  stroke={SERIES_COLORS.margin}
                  strokeWidth={2}
                  dot={false}
                  isAnimationActive={false}
                />
              </ComposedChart>
            </ResponsiveContainer>
          </ChartFrame>
          {data && totals && (
            <details className="group rounded-md border">
              <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-medium outline-none select-none focus-visible:ring-2 focus-visible:ring-ring">
                {t("billingReports.charts.showTable")}
              </summary>
              <div className="max-h-96 overflow-y-auto border-t">
                <MoneyTable
                  caption={title}
                  labelHeader={t("billingReports.columns.day")}
                  rows={data.days.map((d) => ({ key: d.day, label: f.longDay(d.day), money: d, muted: d.calls === 0 }))}
                  footer={{ key: "total", label: t("billingReports.charts.total"), money: totals }}
                />
              </div>
            </details>
          )}
        </>
      )}
    </ChartCard>
  );
}
