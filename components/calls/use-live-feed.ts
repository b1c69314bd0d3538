"use client";

import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc-provider";
import type { BoardSnapshot, LiveStreamMessage, LiveUpdate } from "@/lib/schemas/calls";
import { applyLiveUpdate } from "./live-board-state";

/**
 * One SSE subscription to `calls.live.updates` per browser tab, shared by the board, the in-call
 * panel and the incoming-call listener (each would otherwise hold its own connection, and browsers
 * allow only six per host). Every update is folded into the cached `calls.live.board` snapshot, so
 * any component reading that query is live; the snapshot is refetched on every `resync` (the server
 * sends one when the stream starts and whenever updates may have been missed).
 */
export type FeedStatus = "connecting" | "live" | "reconnecting";

type Client = ReturnType<typeof useTRPCClient>;
type Listener = (update: LiveUpdate) => void;

const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
/** Keeps the stream open across a page change instead of reconnecting. */
const LINGER_MS = 3_000;

let status: FeedStatus = "connecting";
const statusListeners = new Set<() => void>();
const updateListeners = new Set<Listener>();
let consumers = 0;
let stopTimer: ReturnType<typeof setTimeout> | undefined;
let stopStream: (() => void) | undefined;

function setStatus(next: FeedStatus) {
  if (status === next) return;
  status = next;
  for (const listener of statusListeners) listener();
}

function startStream(client: Client, queryClient: QueryClient, boardKey: readonly unknown[]) {
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe: (() => void) | undefined;
  let stopped = false;

  const open = () => {
    const subscription = client.calls.live.updates.subscribe(undefined, {
      onStarted: () => {
        attempt = 0;
        setStatus("live");
      },
      onData: (message: LiveStreamMessage) => {
        setStatus("live");
        if (message.type === "heartbeat") return;
        // Sent first once the server listens, and whenever updates may have been missed.
        if (message.type === "resync") {
          void queryClient.invalidateQueries({ queryKey: boardKey });
          return;
        }
        queryClient.setQueryData<BoardSnapshot>(boardKey, (old) => (old ? applyLiveUpdate(old, message) : old));
        for (const listener of updateListeners) listener(message);
      },
      onConnectionStateChange: (state) => {
        // The link retries dropped connections itself; "connecting" after "live" means it is doing so.
        if (state.state === "connecting" && status === "live") setStatus("reconnecting");
      },
      onError: () => {
        // A refused subscription (server restarting, session expired) is not retried by the link.
        unsubscribe?.();
        if (stopped) return;
        setStatus("reconnecting");
        retryTimer = setTimeout(open, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]);
      },
    });
    unsubscribe = () => subscription.unsubscribe();
  };

  open();
  return () => {
    stopped = true;
    clearTimeout(retryTimer);
    unsubscribe?.();
    setStatus("connecting");
  };
}

function subscribeStatus(listener: () => void) {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}

/** Joins the tab's live stream; `onUpdate` sees every update after it is merged into the board cache. */
export function useLiveFeed(onUpdate?: Listener): FeedStatus {
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const boardKey = trpc.calls.live.board.queryKey();
  const callback = useRef(onUpdate);
  useEffect(() => {
    callback.current = onUpdate;
  });

  useEffect(() => {
    const listener: Listener = (update) => callback.current?.(update);
    updateListeners.add(listener);
    consumers++;
    clearTimeout(stopTimer);
    if (!stopStream) stopStream = startStream(client, queryClient, boardKey);
    return () => {
      updateListeners.delete(listener);
      if (--consumers > 0) return;
      stopTimer = setTimeout(() => {
        stopStream?.();
        stopStream = undefined;
      }, LINGER_MS);
    };
    // boardKey is a fresh array each render but always the same key.
  }, [client, queryClient]);

  return useSyncExternalStore(
    subscribeStatus,
    () => status,
    () => "connecting" as const,
  );
}
