"use client";

import { Badge } from "@/components/ui/badge";
import { useI18n } from "@/components/providers/i18n-provider";
import type { PbxNodeOutput } from "@/lib/schemas/inventory";

const VARIANT = { connected: "success", disconnected: "danger", maintenance: "warning", unknown: "secondary" } as const;

export function PbxStatusBadge({ status }: { status: PbxNodeOutput["status"] }) {
  const { t } = useI18n();
  return <Badge variant={VARIANT[status]}>{t(`inventory.pbx.status.${status}`)}</Badge>;
}
