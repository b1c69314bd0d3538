"use client";

import { Badge } from "@/components/ui/badge";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import type { LeadOutput } from "@/lib/schemas/lead";

const TONE: Record<LeadOutput["status"], string> = {
  new: "border-sky-500/40 bg-sky-500/10 text-sky-700 dark:text-sky-300",
  contacted: "border-amber-500/40 bg-amber-500/10 text-amber-700 dark:text-amber-300",
  qualified: "border-emerald-500/40 bg-emerald-500/10 text-emerald-700 dark:text-emerald-300",
  unqualified: "border-zinc-500/40 bg-zinc-500/10 text-zinc-600 dark:text-zinc-300",
  customer: "border-violet-500/40 bg-violet-500/10 text-violet-700 dark:text-violet-300",
};

export function LeadStatusBadge({ status }: { status: LeadOutput["status"] }) {
  const { t } = useI18n();
  return (
    <Badge variant="outline" className={cn("font-medium", TONE[status])}>
      {t(`leads.status.${status}`)}
    </Badge>
  );
}
