"use client";

import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useI18n } from "@/components/providers/i18n-provider";
import type { ReportByGateway, ReportByProvider, ReportMoney } from "@/lib/schemas/billing-reports";
import { bySeries, ChartCard, ChartFrame, EmptyChart, SERIES_COLORS, TOOLTIP_STYLE } from "./chart-card";
import { MoneyTable } from "./money-table";
import { useReportFormat } from "./use-report-format";

type Bars = Array<{ label: string; money: ReportMoney }>;

function CarrierBars({ bars }: { bars: Bars }) {
  const { t } = useI18n();
  const f = useReportFormat();
  const points = bars.map((b) => ({
    label: b.label,
    revenue: f.chartValue(b.money.revenueMicros),
    cost: f.chartValue(b.money.costMicros),
    margin: f.chartValue(b.money.marginMicros),
  }));
  return (
    <ChartFrame height="h-60">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" className="stroke-border" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={11} interval={0} />
          <YAxis tickLine={false} axisLine={false} fontSize={11} width={72} tickFormatter={f.axisMoney} />
          <Tooltip
            cursor={{ fill: "var(--muted)", opacity: 0.5 }}
            contentStyle={TOOLTIP_STYLE}
            itemSorter={bySeries}
            formatter={(v: unknown) => f.tooltipMoney(Number(v))}
          />
          <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} itemSorter={bySeries} />
          <Bar
            dataKey="revenue"
            name={t("billingReports.series.revenue")}
            fill={SERIES_COLORS.revenue}
            radius={[3, 3, 0, 0]}
            isAnimationActive={false}
          />
          <Bar
            dataKey="cost"
            name={t("billingReports.series.cost")}
            fill={SERIES_COLORS.cost}
            radius={[3, 3, 0, 0]}
            isAnimationActive={false}
          />
          <Bar
            dataKey="margin"
            name={t("billingReports.series.margin")}
            fill={SERIES_COLORS.margin}
            radius={[3, 3, 0, 0]}
            isAnimationActive={false}
          >
            {points.map((point, i) => (
              <Cell key={i} fill={point.margin < 0 ? SERIES_COLORS.loss : SERIES_COLORS.margin} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/** Money by provider and by gateway (buy side), and each gateway's ASR and ACD, as two tabs. */
export function CarriersCard({ providers, gateways }: { providers: ReportByProvider | undefined; gateways: ReportByGateway | undefined }) {
  const { t } = useI18n();
  const f = useReportFormat();
  const noProvider = t("billingReports.charts.noProvider");
  const noGateway = t("billingReports.charts.noGateway");
  const providerBars = (providers?.rows ?? []).map((row) => ({ key: row.providerId ?? "none", label: row.name ?? noProvider, money: row }));
  const gatewayRows = gateways?.rows ?? [];
  const gatewayBars = gatewayRows
    .filter((row) => row.money.calls > 0)
    .map((row) => ({ label: row.gatewayName ?? noGateway, money: row.money }));

  return (
    <ChartCard
      title={t("billingReports.charts.carriers")}
      description={t("billingReports.charts.carriersHint")}
      testId="report-carriers"
      loading={!providers || !gateways}
    >
      <Tabs defaultValue="gateway">
        <TabsList>
          <TabsTrigger value="gateway">{t("billingReports.charts.byGateway")}</TabsTrigger>
          <TabsTrigger value="provider">{t("billingReports.charts.byProvider")}</TabsTrigger>
        </TabsList>
        <TabsContent value="gateway" className="flex flex-col gap-4 pt-2" data-testid="report-by-gateway">
          {gatewayRows.length === 0 ? (
            <EmptyChart text={t("billingReports.charts.noRated")} />
          ) : (
            <>
              {gatewayBars.length > 0 && <CarrierBars bars={gatewayBars} />}
              <MoneyTable
                caption={t("billingReports.charts.byGateway")}
                labelHeader={t("billingReports.columns.gateway")}
                minutes="buy"
                extraHeaders={[
                  t("billingReports.columns.attempts"),
                  t("billingReports.columns.answered"),
                  t("billingReports.columns.asr"),
                  t("billingReports.columns.acd"),
                ]}
                rows={gatewayRows.map((row) => ({
                  key: row.gatewayName ?? "none",
                  label: (
                    <span className="flex flex-col">
                      <span>{row.gatewayName ?? noGateway}</span>
                      {row.providerName && <span className="text-xs font-normal text-muted-foreground">{row.providerName}</span>}
                    </span>
                  ),
                  money: row.money,
                  extra: [
                    f.integer(row.traffic.attempts),
                    f.integer(row.traffic.answered),
                    f.ratio(row.traffic.asr),
                    f.duration(row.traffic.acdSec),
                  ],
                }))}
              />
              <div className="space-y-1 text-xs text-muted-foreground">
                <p>{t("billingReports.help.asr")}</p>
                <p>{t("billingReports.help.acd")}</p>
              </div>
            </>
          )}
        </TabsContent>
        <TabsContent value="provider" className="flex flex-col gap-4 pt-2" data-testid="report-by-provider">
          {providerBars.length === 0 ? (
            <EmptyChart text={t("billingReports.charts.noRated")} />
          ) : (
            <>
              <CarrierBars bars={providerBars} />
              <MoneyTable
                caption={t("billingReports.charts.byProvider")}
                labelHeader={t("billingReports.columns.provider")}
                minutes="buy"
                rows={providerBars}
              />
            </>
          )}
        </TabsContent>
      </Tabs>
    </ChartCard>
  );
}
