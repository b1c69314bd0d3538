"use client";

import { Progress } from "@/components/ui/progress";
import { useI18n } from "@/components/providers/i18n-provider";
import type { RecomputeState } from "./use-recompute";

/** Progress of a running recompute, announced politely to screen readers. */
export function RecomputeBar({ state }: { state: RecomputeState }) {
  const { t } = useI18n();
  if (!state.running) return null;
  const percent = state.total > 0 ? Math.round((state.processed / state.total) * 100) : 0;
  return (
    <div className="grid gap-2 rounded-md border bg-muted/40 p-3" data-testid="recompute-progress">
      <p className="text-sm" aria-live="polite">
        {t("scoring.recompute.running", { processed: state.processed, total: state.total })}
      </p>
      <Progress value={percent} aria-label={t("scoring.recompute.progressLabel")} />
    </div>
  );
}
