"use client";

import { PhoneIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useI18n } from "@/components/providers/i18n-provider";

/**
 * Click-to-call arrives with telephony. Until then the button is disabled; a disabled button gets
 * neither focus nor hover, so a focusable wrapper carries the tooltip that says why.
 */
export function CallButton() {
  const { t } = useI18n();
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <span
          tabIndex={0}
          aria-label={`${t("leadPage.call")}: ${t("leadPage.callSoon")}`}
          className="inline-flex rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          <Button size="lg" disabled className="pointer-events-none px-6 text-base" data-testid="call-button" tabIndex={-1}>
            <PhoneIcon aria-hidden className="size-5" /> {t("leadPage.call")}
          </Button>
        </span>
      </TooltipTrigger>
      <TooltipContent>{t("leadPage.callSoon")}</TooltipContent>
    </Tooltip>
  );
}
