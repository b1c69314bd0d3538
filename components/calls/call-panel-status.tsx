"use client";

import { useI18n } from "@/components/providers/i18n-provider";
import type { CallView } from "@/lib/schemas/calls";
import { callElapsedSeconds, formatDuration } from "./call-time";
import { useNow } from "./use-now";

/** "Chamando seu ramal…" → "Chamando…" → "Em conversa 00:42" → "Encerrada", announced as it changes. */
export function CallPanelStatus({ call }: { call: CallView | null }) {
  const { t } = useI18n();
  const now = useNow();
  const state = call?.state ?? "originating";
  const text =
    state === "answered" && call
      ? t("callsBoard.panel.answered", { duration: formatDuration(callElapsedSeconds(call, now)) })
      : t(`callsBoard.panel.${state}`);
  return (
    <div>
      {/* The ticking timer stays out of the live region; only state changes are announced. */}
      <p className="sr-only" aria-live="polite">
        {t(`calls.state.${state}`)}
      </p>
      <p className="text-sm font-medium tabular-nums" data-testid="call-panel-status" data-state={state}>
        {text}
      </p>
      {state === "originating" && <p className="text-xs text-muted-foreground">{t("callsBoard.panel.originatingHint")}</p>}
    </div>
  );
}
