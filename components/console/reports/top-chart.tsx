"use client";

import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "@/components/providers/i18n-provider";
import type { ReportMoney } from "@/lib/schemas/billing-reports";
import { bySeries, ChartCard, ChartFrame, EmptyChart, SERIES_COLORS, TOOLTIP_STYLE } from "./chart-card";
import { MoneyTable, type MoneyTableRow } from "./money-table";
import { useReportFormat } from "./use-report-format";

type Props = {
  title: string;
  description: string | undefined;
  testId: string;
  labelHeader: string;
  /** Null while loading. */
  rows: Array<{ key: string; label: string; money: ReportMoney }> | null;
  others: (ReportMoney & { count: number }) | null;
};

/** A top-N list (tenants, destinations): revenue and margin bars per row, a loss in red; the table below. */
export function TopChart({ title, description, testId, labelHeader, rows, others }: Props) {
  const { t } = useI18n();
  const f = useReportFormat();
  const points = (rows ?? []).map((row) => ({
    label: row.label,
    revenue: f.chartValue(row.money.revenueMicros),
    margin: f.chartValue(row.money.marginMicros),
  }));
  const tableRows: MoneyTableRow[] = (rows ?? []).map((row) => ({ key: row.key, label: row.label, money: row.money }));
  if (others)
    tableRows.push({ key: "others", label: t("billingReports.charts.others", { count: others.count }), money: others, muted: true });
  const tooltip = (value: unknown) => f.tooltipMoney(Number(value));

  return (
    <ChartCard title={title} description={description} testId={testId} loading={rows === null}>
      {points.length === 0 ? (
        <EmptyChart text={t("billingReports.charts.noRated")} />
      ) : (
        <>
          <ChartFrame height={points.length > 5 ? "h-80" : "h-56"}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={points} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: 4 }} accessibilityLayer={false}>
                <CartesianGrid horizontal={false} strokeDasharray="3 3" className="stroke-border" />
                <XAxis type="number" tickLine={false} axisLine={false} fontSize={11} tickFormatter={f.axisMoney} />
                <YAxis
                  type="category"
                  dataKey="label"
                  tickLine={false}
                  axisLine={false}
                  fontSize={11}
                  width={132}
                  tickFormatter={(label: string) => (label.length > 20 ? `${label.slice(0, 19)}…` : label)}
                />
                <Tooltip
                  cursor={{ fill: "var(--muted)", opacity: 0.5 }}
                  contentStyle={TOOLTIP_STYLE}
                  itemSorter={bySeries}
                  formatter={tooltip}
                />
                <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} itemSorter={bySeries} />
                <Bar
                  dataKey="revenue"
                  name={t("billingReports.series.revenue")}
                  fill={SERIES_COLORS.revenue}
                  radius={[0, 3, 3, 0]}
                  isAnimationActive={false}
                />
                <Bar
                  dataKey="margin"
                  name={t("billingReports.series.margin")}
                  fill={SERIES_COLORS.margin}
                  radius={[0, 3, 3, 0]}
                  isAnimationActive={false}
                >
                  {points.map((point, i) => (
                    <Cell key={i} fill={point.margin < 0 ? SERIES_COLORS.loss : SERIES_COLORS.margin} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </ChartFrame>
          <MoneyTable caption={title} labelHeader={labelHeader} rows={tableRows} compact />
        </>
      )}
    </ChartCard>
  );
}
