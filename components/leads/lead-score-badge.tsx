"use client";

import { Badge } from "@/components/ui/badge";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";

/** Bands of the 0–100 scale the scoring rules are tuned for; scores outside it clamp to the ends. */
function tone(score: number): string {
  if (score >= 70) return "border-rose-500/40 bg-rose-500/10 text-rose-700 dark:text-rose-300";
  if (score >= 40) return "border-amber-500/40 bg-amber-500/10 text-amber-700 dark:text-amber-300";
  if (score > 0) return "border-sky-500/40 bg-sky-500/10 text-sky-700 dark:text-sky-300";
  return "border-zinc-500/30 bg-zinc-500/5 text-muted-foreground";
}

export function LeadScoreBadge({ score }: { score: number }) {
  const { t } = useI18n();
  return (
    <Badge variant="outline" className={cn("min-w-9 tabular-nums", tone(score))} title={t("leads.scoreTitle", { score })}>
      {score}
    </Badge>
  );
}
