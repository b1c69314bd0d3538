"use client";

import { ArrowLeftRightIcon, PhoneIncomingIcon, PhoneOutgoingIcon } from "lucide-react";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import type { CallDirection } from "@/lib/schemas/calls";

const ICONS = { inbound: PhoneIncomingIcon, outbound: PhoneOutgoingIcon, internal: ArrowLeftRightIcon } as const;

export function CallDirectionIcon({ direction, className }: { direction: CallDirection; className?: string }) {
  const { t } = useI18n();
  const Icon = ICONS[direction];
  return (
    <Icon role="img" aria-label={t(`calls.direction.${direction}`)} className={cn("size-4 shrink-0 text-muted-foreground", className)} />
  );
}
