"use client";

import { Badge } from "@/components/ui/badge";
import { useI18n } from "@/components/providers/i18n-provider";
import type { DidOutput } from "@/lib/schemas/inventory";

const VARIANT = { free: "success", allocated: "info", quarantined: "warning" } as const;

export function DidStatusBadge({ status }: { status: DidOutput["status"] }) {
  const { t } = useI18n();
  return <Badge variant={VARIANT[status]}>{t(`inventory.dids.status.${status}`)}</Badge>;
}
