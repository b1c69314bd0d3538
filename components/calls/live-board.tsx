"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { CallView } from "@/lib/schemas/calls";
import { AgentsCard } from "./agents-card";
import { ConferencesCard } from "./conferences-card";
import { ConnectionIndicator } from "./connection-indicator";
import { HangupDialog } from "./hangup-dialog";
import type { LiveCallHandlers } from "./live-call-actions";
import { LiveCallsCard } from "./live-calls-card";
import { TransferDialog, type TransferMode } from "./transfer-dialog";
import { useCallControl } from "./use-call-control";
import { useLiveFeed } from "./use-live-feed";

/** /calls: the team's calls in progress, extensions' presence and conferences, live over SSE. */
export function LiveBoard() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const status = useLiveFeed();
  // The stream keeps the cached snapshot current; refetches happen on the stream's resync only.
  const board = useQuery(trpc.calls.live.board.queryOptions(undefined, { staleTime: Infinity, refetchOnWindowFocus: false }));
  const { monitor } = useCallControl();
  const [hangingUp, setHangingUp] = useState<CallView | null>(null);
  const [transfer, setTransfer] = useState<{ call: CallView; mode: TransferMode } | null>(null);

  const handlers: LiveCallHandlers = {
    hangup: setHangingUp,
    transfer: (call, mode) => setTransfer({ call, mode }),
    monitor: (call, mode) => monitor.mutate({ callId: call.id, mode }),
  };

  if (board.isError && !board.data) {
    return (
      <div role="alert" className="flex flex-col items-center gap-3 rounded-xl border p-10 text-center">
        <p className="font-medium">{t("callsBoard.loadError")}</p>
        <p className="text-sm text-muted-foreground">{board.error.message}</p>
        <Button variant="outline" onClick={() => void board.refetch()}>
          {t("common.retry")}
        </Button>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center justify-end">
        <ConnectionIndicator status={status} />
      </div>
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <LiveCallsCard board={board.data} handlers={handlers} />
          <ConferencesCard board={board.data} />
        </div>
        <AgentsCard board={board.data} />
      </div>
      <HangupDialog call={hangingUp} onClose={() => setHangingUp(null)} />
      <TransferDialog
        call={transfer?.call ?? null}
        mode={transfer?.mode ?? "blind"}
        agents={board.data?.agents ?? []}
        onClose={() => setTransfer(null)}
      />
    </div>
  );
}
