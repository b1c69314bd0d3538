"use client";

import { Badge } from "@/components/ui/badge";
import { useI18n } from "@/components/providers/i18n-provider";
import type { TenantStatus } from "@/lib/schemas/tenant";

const VARIANT = { active: "success", suspended: "warning", archived: "secondary" } as const;

export function TenantStatusBadge({ status }: { status: TenantStatus }) {
  const { t } = useI18n();
  return (
    <Badge variant={VARIANT[status]} data-testid="tenant-status">
      {t(`console.tenants.status.${status}`)}
    </Badge>
  );
}
