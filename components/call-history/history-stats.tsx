"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import type { CallStats } from "@/lib/schemas/calls";
import { formatDuration } from "./history-range";

/** The four headline figures of the filtered history. */
export function HistoryStats({ stats }: { stats: CallStats | undefined }) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const cards = stats
    ? [
        { key: "calls", title: t("callHistory.stats.calls"), value: number.format(stats.total), hint: null },
        {
          key: "answered",
          title: t("callHistory.stats.answeredRate"),
          value: stats.answeredRate === null ? "—" : percent.format(stats.answeredRate),
          hint: t("callHistory.stats.answeredOf", { answered: number.format(stats.answered), total: number.format(stats.total) }),
        },
        { key: "avg", title: t("callHistory.stats.avgTalk"), value: formatDuration(stats.avgTalkSec), hint: null },
        { key: "total", title: t("callHistory.stats.totalTalk"), value: formatDuration(stats.totalTalkSec), hint: null },
      ]
    : null;

  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="history-stats">
      {cards
        ? cards.map((card) => (
            <Card key={card.key} className="gap-1 py-4">
              <CardHeader className="px-4">
                <CardDescription>{card.title}</CardDescription>
                <CardTitle className="text-2xl tabular-nums">{card.value}</CardTitle>
              </CardHeader>
              {card.hint && <CardContent className="px-4 text-xs text-muted-foreground">{card.hint}</CardContent>}
            </Card>
          ))
        : Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-[5.5rem] w-full rounded-xl" />)}
    </div>
  );
}
