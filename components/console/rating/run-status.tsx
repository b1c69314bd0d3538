"use client";

import { AlertCircleIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Progress } from "@/components/ui/progress";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useI18n } from "@/components/providers/i18n-provider";
import type { RatingRunView } from "@/lib/schemas/billing-rating";
import { formatCount } from "./format-rating";

const VARIANT = { queued: "secondary", running: "info", done: "success", failed: "danger" } as const;

/** A run's status; a running run shows how far it got, a failed one why (nothing was written). */
export function RunStatus({ run }: { run: RatingRunView }) {
  const { t, locale } = useI18n();
  const badge = (
    <Badge variant={VARIANT[run.status]} data-testid="run-status">
      {run.status === "failed" && <AlertCircleIcon aria-hidden />}
      {t(`rating.runs.status.${run.status}`)}
    </Badge>
  );
  if (run.status === "running") {
    const percent = run.total > 0 ? Math.min(100, Math.round((run.processed / run.total) * 100)) : 0;
    return (
      <div className="flex min-w-40 flex-col gap-1">
        {badge}
        <Progress value={percent} aria-label={t("rating.runs.progressLabel")} aria-valuetext={`${percent}%`} />
        <span className="text-xs text-muted-foreground tabular-nums">
          {t("rating.runs.progress", { processed: formatCount(run.processed, locale), total: formatCount(run.total, locale) })}
        </span>
      </div>
    );
  }
  if (run.status === "failed" && run.error) {
    return (
      <Tooltip>
        <TooltipTrigger asChild>
          <button type="button" className="rounded-md focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:outline-none">
            {badge}
          </button>
        </TooltipTrigger>
        <TooltipContent className="max-w-sm">{t("rating.runs.failedHint", { error: run.error })}</TooltipContent>
      </Tooltip>
    );
  }
  return badge;
}
