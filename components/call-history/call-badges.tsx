"use client";

import { ArrowDownLeftIcon, ArrowLeftRightIcon, ArrowUpRightIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { useI18n } from "@/components/providers/i18n-provider";
import type { CallDirection, CallView } from "@/lib/schemas/calls";

const DIRECTION_ICON = { inbound: ArrowDownLeftIcon, outbound: ArrowUpRightIcon, internal: ArrowLeftRightIcon } as const;

/** The direction as an icon with its name for screen readers and a tooltip. */
export function DirectionIcon({ direction }: { direction: CallDirection }) {
  const { t } = useI18n();
  const Icon = DIRECTION_ICON[direction];
  const label = t(`calls.direction.${direction}`);
  return (
    <span title={label} className="inline-flex text-muted-foreground">
      <Icon aria-hidden className="size-4" />
      <span className="sr-only">{label}</span>
    </span>
  );
}

/** What the PBX saw (or, for a call in progress, its state). */
export function DispositionBadge({ call }: { call: Pick<CallView, "state" | "disposition"> }) {
  const { t } = useI18n();
  if (call.state !== "ended" || !call.disposition) return <Badge variant="info">{t(`calls.state.${call.state}`)}</Badge>;
  const variant =
    call.disposition === "answered" ? "success" : call.disposition === "busy" || call.disposition === "no_answer" ? "warning" : "danger";
  return <Badge variant={variant}>{t(`calls.disposition.${call.disposition}`)}</Badge>;
}

/** What the rep recorded after the call. */
export function OutcomeBadge({ outcome }: { outcome: CallView["outcome"] }) {
  const { t } = useI18n();
  if (!outcome) return <span className="text-muted-foreground">—</span>;
  return <Badge variant={outcome === "connected" ? "success" : "secondary"}>{t(`calls.outcome.${outcome}`)}</Badge>;
}
