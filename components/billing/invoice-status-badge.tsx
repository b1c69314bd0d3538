"use client";

import { Badge } from "@/components/ui/badge";
import { useI18n } from "@/components/providers/i18n-provider";
import type { InvoiceStatus } from "@/lib/schemas/billing";

const VARIANT = { draft: "outline", issued: "info", paid: "success", void: "danger" } as const;

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const { t } = useI18n();
  return (
    <Badge variant={VARIANT[status]} data-testid="invoice-status">
      {t(`billing.status.${status}`)}
    </Badge>
  );
}
