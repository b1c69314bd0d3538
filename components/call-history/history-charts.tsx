"use client";

import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import type { CallStats } from "@/lib/schemas/calls";

const ANSWERED = "var(--success)";
const MISSED = "var(--muted-foreground)";
const tooltipStyle = { background: "var(--popover)", color: "var(--popover-foreground)", borderColor: "var(--border)", borderRadius: 6 };

type Point = { label: string; answered: number; missed: number };

/** The same figures as a table, for screen readers (the chart itself is hidden from them). */
function ChartTable({ caption, points }: { caption: string; points: Point[] }) {
  const { t } = useI18n();
  return (
    <table className="sr-only">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption}</th>
          <th scope="col">{t("callHistory.stats.answered")}</th>
          <th scope="col">{t("callHistory.stats.notAnswered")}</th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.label}>
            <th scope="row">{p.label}</th>
            <td>{p.answered}</td>
            <td>{p.missed}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Calls by hour of day (bars) and by day (stacked areas), answered against not answered. */
export function HistoryCharts({ stats }: { stats: CallStats | undefined }) {
  const { t, locale } = useI18n();
  const dayLabel = new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", timeZone: "UTC" });
  const answered = t("callHistory.stats.answered");
  const missed = t("callHistory.stats.notAnswered");

  if (!stats) {
    return (
      <div className="grid gap-3 lg:grid-cols-2">
        <Skeleton className="h-72 w-full rounded-xl" />
        <Skeleton className="h-72 w-full rounded-xl" />
      </div>
    );
  }
  // Business hours are where the calls are: show 7h–20h, widened to any hour that had calls.
  const busy = stats.byHour.filter((h) => h.total > 0).map((h) => h.hour);
  const firstHour = Math.min(7, ...busy);
  const lastHour = Math.max(20, ...busy);
  const hours: Point[] = stats.byHour
    .filter((h) => h.hour >= firstHour && h.hour <= lastHour)
    .map((h) => ({ label: t("callHistory.stats.hourLabel", { hour: h.hour }), answered: h.answered, missed: h.total - h.answered }));
  const days: Point[] = stats.byDay.map((d) => ({
    label: dayLabel.format(new Date(`${d.date}T00:00:00Z`)),
    answered: d.answered,
    missed: d.total - d.answered,
  }));

  const chart = (title: string, points: Point[], kind: "bar" | "area", testId: string) => (
    <Card className="gap-3" data-testid={testId}>
      <CardHeader>
        <CardTitle className="text-base">{title}</CardTitle>
      </CardHeader>
      <CardContent>
        {stats.total === 0 ? (
          <p className="flex h-56 items-center justify-center text-sm text-muted-foreground">{t("callHistory.stats.noData")}</p>
        ) : (
          <figure aria-label={title}>
            <div className="h-56 w-full" aria-hidden>
              <ResponsiveContainer width="100%" height="100%">
                {kind === "bar" ? (
                  <BarChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: -20 }} accessibilityLayer={false}>
                    <CartesianGrid vertical={false} strokeDasharray="3 3" className="stroke-border" />
                    <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={11} interval="preserveStartEnd" />
                    <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={11} width={40} />
                    <Tooltip cursor={{ fill: "var(--muted)", opacity: 0.5 }} contentStyle={tooltipStyle} />
                    <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} />
                    <Bar dataKey="answered" name={answered} stackId="c" fill={ANSWERED} isAnimationActive={false} />
                    <Bar dataKey="missed" name={missed} stackId="c" fill={MISSED} radius={[3, 3, 0, 0]} isAnimationActive={false} />
                  </BarChart>
                ) : (
                  <AreaChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: -20 }} accessibilityLayer={false}>
                    <CartesianGrid vertical={false} strokeDasharray="3 3" className="stroke-border" />
                    <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={11} interval="preserveStartEnd" minTickGap={16} />
                    <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={11} width={40} />
                    <Tooltip contentStyle={tooltipStyle} />
                    <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} />
                    <Area
                      dataKey="answered"
                      name={answered}
                      stackId="c"
                      stroke={ANSWERED}
                      fill={ANSWERED}
                      fillOpacity={0.35}
                      isAnimationActive={false}
                    />
                    <Area
                      dataKey="missed"
                      name={missed}
                      stackId="c"
                      stroke={MISSED}
                      fill={MISSED}
                      fillOpacity={0.25}
                      isAnimationActive={false}
                    />
                  </AreaChart>
                )}
              </ResponsiveContainer>
            </div>
            <ChartTable caption={title} points={points} />
          </figure>
        )}
      </CardContent>
    </Card>
  );

  return (
    <div className="grid gap-3 lg:grid-cols-2">
      {chart(t("callHistory.stats.byHour"), hours, "bar", "history-by-hour")}
      {chart(t("callHistory.stats.byDay"), days, "area", "history-by-day")}
    </div>
  );
}
