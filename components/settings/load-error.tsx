"use client";

import { Button } from "@/components/ui/button";
import { useI18n } from "@/components/providers/i18n-provider";

export function LoadError({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="flex flex-col items-center gap-3 p-8 text-center">
      <p>{t("settings.loadError")}</p>
      <Button variant="outline" onClick={onRetry}>
        {t("common.retry")}
      </Button>
    </div>
  );
}
