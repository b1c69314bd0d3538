"use client";

import { useQuery } from "@tanstack/react-query";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { LoadError } from "@/components/settings/load-error";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { BAND_FILL, scoreBand } from "./score-band";

/** How the leads the viewer may see spread over score bands (scoring.distribution). */
export function ScoreDistributionCard() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const distribution = useQuery(trpc.scoring.distribution.queryOptions());
  const number = new Intl.NumberFormat(locale);

  const data = (distribution.data?.buckets ?? []).map((b) => ({
    label: b.to === null ? t("scoring.distribution.bucketLast", { from: b.from }) : `${b.from}–${b.to}`,
    count: b.count,
    fill: BAND_FILL[scoreBand(b.from)],
  }));

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("scoring.distribution.title")}</CardTitle>
        <CardDescription>
          {t("scoring.distribution.description")}
          {distribution.data && distribution.data.total > 0 && (
            <> {t("scoring.distribution.total", { total: number.format(distribution.data.total) })}</>
          )}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {distribution.isError ? (
          <LoadError onRetry={() => void distribution.refetch()} />
        ) : distribution.isPending ? (
          <Skeleton className="h-64 w-full" />
        ) : distribution.data.total === 0 ? (
          <p className="py-12 text-center text-sm text-muted-foreground">{t("scoring.distribution.empty")}</p>
        ) : (
          <figure aria-label={t("scoring.distribution.chartLabel")} data-testid="score-distribution">
            <div className="h-64 w-full" aria-hidden>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
                  <CartesianGrid vertical={false} strokeDasharray="3 3" className="stroke-border" />
                  <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} />
                  <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} width={48} />
                  <Tooltip
                    cursor={{ fill: "var(--muted)", opacity: 0.5 }}
                    formatter={(value) => [t("scoring.distribution.count", { count: number.format(Number(value)) }), ""]}
                    separator=""
                    contentStyle={{
                      background: "var(--popover)",
                      color: "var(--popover-foreground)",
                      borderColor: "var(--border)",
                      borderRadius: 6,
                    }}
                  />
                  <Bar dataKey="count" radius={[4, 4, 0, 0]} isAnimationActive={false}>
                    {data.map((d) => (
                      <Cell key={d.label} fill={d.fill} />
                    ))}
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </div>
            {/* The same numbers as a table, for screen readers. */}
            <table className="sr-only">
              <thead>
                <tr>
                  <th scope="col">{t("scoring.rules.points")}</th>
                  <th scope="col">{t("scoring.distribution.leads")}</th>
                </tr>
              </thead>
              <tbody>
                {data.map((d) => (
                  <tr key={d.label}>
                    <th scope="row">{d.label}</th>
                    <td>{d.count}</td>
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
