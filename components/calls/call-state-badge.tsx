"use client";

import { Badge } from "@/components/ui/badge";
import { useI18n } from "@/components/providers/i18n-provider";
import type { CallState } from "@/lib/schemas/calls";

const VARIANT = { originating: "warning", ringing: "info", answered: "success", ended: "outline" } as const;

export function CallStateBadge({ state }: { state: CallState }) {
  const { t } = useI18n();
  return (
    <Badge variant={VARIANT[state]} data-testid="call-state">
      {(state === "originating" || state === "ringing") && <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-current" />}
      {t(`calls.state.${state}`)}
    </Badge>
  );
}
