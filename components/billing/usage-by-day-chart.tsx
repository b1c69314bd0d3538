"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatCents } from "@/lib/billing/micros";
import type { UsageByDay } from "@/lib/schemas/billing-usage";

const tooltipStyle = { background: "var(--popover)", color: "var(--popover-foreground)", borderColor: "var(--border)", borderRadius: 6 };

type Point = { label: string; day: string; reais: number; cents: bigint; calls: number };

/** The month's usage amount per São Paulo day (bars), with the calls in the tooltip and a table for screen readers. */
export function UsageByDayChart({ days }: { days: UsageByDay[] | undefined }) {
  const { t, locale } = useI18n();
  const title = t("billing.chart.title");
  if (!days) return <Skeleton className="h-72 w-full rounded-xl" />;

  const dayLabel = new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", timeZone: "UTC" });
  const axisMoney = new Intl.NumberFormat(locale, { style: "currency", currency: "BRL", notation: "compact", maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(locale);
  // Reais as a float only to size the bars; every figure shown is formatted from the centavos.
  const points: Point[] = days.map((d) => ({
    label: dayLabel.format(new Date(`${d.date}T00:00:00Z`)),
    day: d.date,
    reais: Number(d.amountCents) / 100,
    cents: d.amountCents,
    calls: d.calls,
  }));
  const empty = days.every((d) => d.calls === 0);

  return (
    <Card className="gap-3" data-testid="billing-by-day">
      <CardHeader>
        <CardTitle className="text-base">{title}</CardTitle>
      </CardHeader>
      <CardContent>
        {empty ? (
          <p className="flex h-56 items-center justify-center text-sm text-muted-foreground">{t("billing.chart.empty")}</p>
        ) : (
          <figure aria-label={title}>
            <div className="h-56 w-full" aria-hidden>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
                  <CartesianGrid vertical={false} strokeDasharray="3 3" className="stroke-border" />
                  <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={11} interval="preserveStartEnd" minTickGap={12} />
                  <YAxis tickLine={false} axisLine={false} fontSize={11} width={64} tickFormatter={(v: number) => axisMoney.format(v)} />
                  <Tooltip
                    cursor={{ fill: "var(--muted)", opacity: 0.5 }}
                    content={({ active, payload }) => {
                      const point = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
                      if (!point) return null;
                      return (
                        <div style={tooltipStyle} className="border px-3 py-2 text-xs shadow-sm">
                          <p className="font-medium">{point.label}</p>
                          <p className="tabular-nums">
                            {t("billing.chart.tooltip", { amount: formatCents(point.cents, locale), calls: number.format(point.calls) })}
                          </p>
                        </div>
                      );
                    }}
                  />
                  <Bar
                    dataKey="reais"
                    name={t("billing.chart.amount")}
                    fill="var(--primary)"
                    radius={[3, 3, 0, 0]}
                    isAnimationActive={false}
                  />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <table className="sr-only">
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("billing.chart.day")}</th>
                  <th scope="col">{t("billing.chart.calls")}</th>
                  <th scope="col">{t("billing.chart.amount")}</th>
                </tr>
              </thead>
              <tbody>
                {points
                  .filter((p) => p.calls > 0)
                  .map((p) => (
                    <tr key={p.day}>
                      <th scope="row">{p.label}</th>
                      <td>{number.format(p.calls)}</td>
                      <td>{formatCents(p.cents, locale)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </figure>
        )}
      </CardContent>
    </Card>
  );
}
