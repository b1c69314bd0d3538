"use client";

import { Badge } from "@/components/ui/badge";
import { useI18n } from "@/components/providers/i18n-provider";
import type { PlanFeature } from "@/lib/schemas/plan";

export function PlanFeatures({ features }: { features: PlanFeature[] }) {
  const { t } = useI18n();
  if (features.length === 0) return <span className="text-muted-foreground">{t("plans.noFeatures")}</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label={t("plans.field.features")}>
      {features.map((feature) => (
        <li key={feature}>
          <Badge variant="secondary">{t(`plans.feature.${feature}`)}</Badge>
        </li>
      ))}
    </ul>
  );
}
