"use client";

import { Badge } from "@/components/ui/badge";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import type { OpportunityStatus } from "@/lib/schemas/opportunity";

const STYLE: Record<OpportunityStatus, string> = {
  open: "border-sky-500/50 text-sky-700 dark:text-sky-300",
  won: "border-emerald-500/50 bg-emerald-500/10 text-emerald-700 dark:text-emerald-300",
  lost: "border-rose-500/50 bg-rose-500/10 text-rose-700 dark:text-rose-300",
};

export function OpportunityStatusBadge({ status }: { status: OpportunityStatus }) {
  const { t } = useI18n();
  return (
    <Badge variant="outline" className={cn(STYLE[status])} data-status={status}>
      {t(`pipelines.status.${status}`)}
    </Badge>
  );
}
