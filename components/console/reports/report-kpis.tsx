"use client";

import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import type { ReportSummary } from "@/lib/schemas/billing-reports";
import { cn } from "@/lib/cn";
import { HelpTip } from "./help-tip";
import { useReportFormat } from "./use-report-format";

type Kpi = { key: string; title: string; value: string; hint: string; help?: ReactNode; negative?: boolean };

/** The eight headline figures: money of the rated calls, their volume, and the gateways' ASR and ACD. */
export function ReportKpis({ summary }: { summary: ReportSummary | undefined }) {
  const { t } = useI18n();
  const f = useReportFormat();
  if (!summary) {
    return (
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-hidden>
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="h-[6.5rem] w-full rounded-xl" />
        ))}
      </div>
    );
  }
  const { totals, traffic } = summary;
  const negative = totals.marginMicros < 0n;
  const kpis: Kpi[] = [
    {
      key: "revenue",
      title: t("billingReports.kpi.revenue"),
      value: f.money(totals.revenueMicros),
      hint: t("billingReports.kpi.revenueHint"),
    },
    { key: "cost", title: t("billingReports.kpi.cost"), value: f.money(totals.costMicros), hint: t("billingReports.kpi.costHint") },
    {
      key: "margin",
      title: t("billingReports.kpi.margin"),
      value: f.money(totals.marginMicros),
      hint: t("billingReports.kpi.marginHint"),
      help: <HelpTip name={t("billingReports.kpi.margin")} text={t("billingReports.help.margin")} />,
      negative,
    },
    {
      key: "marginPercent",
      title: t("billingReports.kpi.marginPercent"),
      value: f.basisPoints(totals.marginBasisPoints),
      hint: t("billingReports.kpi.marginPercentHint"),
      negative,
    },
    {
      key: "calls",
      title: t("billingReports.kpi.calls"),
      value: f.integer(totals.calls),
      hint: t("billingReports.kpi.callsHint", { answered: f.integer(totals.answeredCalls) }),
    },
    {
      key: "minutes",
      title: t("billingReports.kpi.minutes"),
      value: f.minutes(totals.billedSecSell),
      hint: t("billingReports.kpi.minutesHint", { minutes: f.minutes(totals.answeredSec) }),
    },
    {
      key: "asr",
      title: t("billingReports.kpi.asr"),
      value: f.ratio(traffic.asr),
      hint: t("billingReports.kpi.asrHint", { answered: f.integer(traffic.answered), attempts: f.integer(traffic.attempts) }),
      help: <HelpTip name="ASR" text={t("billingReports.help.asr")} />,
    },
    {
      key: "acd",
      title: t("billingReports.kpi.acd"),
      value: f.duration(traffic.acdSec),
      hint: t("billingReports.kpi.acdHint"),
      help: <HelpTip name="ACD" text={t("billingReports.help.acd")} />,
    },
  ];

  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="report-kpis">
      {kpis.map((kpi) => (
        <Card key={kpi.key} className="gap-1 py-4" data-testid={`kpi-${kpi.key}`}>
          <CardHeader className="px-4">
            <CardDescription className="flex items-center gap-1">
              {kpi.title} {kpi.help}
            </CardDescription>
            <CardTitle className={cn("text-2xl tabular-nums", kpi.negative && "text-destructive")}>{kpi.value}</CardTitle>
          </CardHeader>
          <CardContent className="px-4 text-xs text-muted-foreground">{kpi.hint}</CardContent>
        </Card>
      ))}
    </div>
  );
}
