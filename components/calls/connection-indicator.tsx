"use client";

import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import type { FeedStatus } from "./use-live-feed";

/** Whether the board is live: a stale board that looks live would mislead a manager. */
export function ConnectionIndicator({ status }: { status: FeedStatus }) {
  const { t } = useI18n();
  const live = status === "live";
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <span
          tabIndex={0}
          role="status"
          data-testid="live-connection"
          data-status={status}
          className={cn(
            "inline-flex items-center gap-2 rounded-full border px-3 py-1 text-xs font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring",
            live ? "border-success/30 bg-success/10 text-success" : "border-warning/30 bg-warning/10 text-warning",
          )}
        >
          <span className="relative flex size-2">
            {live && <span aria-hidden className="absolute inline-flex size-full animate-ping rounded-full bg-current opacity-60" />}
            <span aria-hidden className="relative inline-flex size-2 rounded-full bg-current" />
          </span>
          {t(`callsBoard.connection.${status}`)}
        </span>
      </TooltipTrigger>
      <TooltipContent>{live ? t("callsBoard.connection.liveHint") : t("callsBoard.connection.reconnectingHint")}</TooltipContent>
    </Tooltip>
  );
}
