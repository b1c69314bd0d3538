"use client";

import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import type { TenantDetail } from "@/lib/schemas/tenant";

/** One bar per plan limit; warning from 80%, destructive at the limit. */
export function TenantUsage({ usage }: { usage: TenantDetail["usage"] }) {
  const { t } = useI18n();
  return (
    <dl className="grid gap-4">
      {(["users", "extensions", "dids"] as const).map((resource) => {
        const { used, limit } = usage[resource];
        const ratio = limit > 0 ? used / limit : used > 0 ? 1 : 0;
        return (
          <div key={resource} className="grid gap-1.5">
            <div className="flex items-baseline justify-between gap-2 text-sm">
              <dt>{t(`console.detail.${resource}`)}</dt>
              <dd className="tabular-nums text-muted-foreground">{t("console.detail.usageOf", { used, limit })}</dd>
            </div>
            <div
              className="h-2 overflow-hidden rounded-full bg-muted"
              role="progressbar"
              aria-label={t(`console.detail.${resource}`)}
              aria-valuemin={0}
              aria-valuemax={limit}
              aria-valuenow={used}
            >
              <div
                className={cn("h-full rounded-full bg-primary", ratio >= 0.8 && "bg-warning", ratio >= 1 && "bg-destructive")}
                style={{ width: `${Math.min(100, Math.round(ratio * 100))}%` }}
              />
            </div>
          </div>
        );
      })}
    </dl>
  );
}
