"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { CallView } from "@/lib/schemas/calls";
import { useLiveFeed, type FeedStatus } from "./use-live-feed";

/**
 * The latest view of one call: from the live stream and the board snapshot while it runs, and from
 * the history once it has left the board (it ended while this tab was not listening, or after a
 * reload). The last view seen is kept, so an ended call does not vanish when the board prunes it.
 */
export function useFollowedCall(callId: string): { call: CallView | null; status: FeedStatus; lost: boolean } {
  const trpc = useTRPC();
  const [seen, setSeen] = useState<CallView | null>(null);
  const status = useLiveFeed((update) => {
    if ((update.type === "call" || update.type === "incoming") && update.call.id === callId) setSeen(update.call);
  });
  const board = useQuery(trpc.calls.live.board.queryOptions(undefined, { staleTime: Infinity, refetchOnWindowFocus: false }));
  const onBoard = board.data?.calls.find((c) => c.id === callId) ?? null;
  // The board cache gets every update first; the stream's own copy matters once the board dropped the call.
  const mine = seen?.id === callId ? seen : null;
  const live = mine?.state === "ended" ? mine : (onBoard ?? mine);
  // Not on the board although the board loaded: ask the history (polling while the call is still open there).
  const history = useQuery({
    ...trpc.calls.history.get.queryOptions({ callId }),
    enabled: !!board.data && !live,
    refetchInterval: (query) => (query.state.data && query.state.data.state !== "ended" ? 3_000 : false),
  });
  const call = live ?? history.data ?? null;
  return { call, status, lost: !call && history.isError };
}
