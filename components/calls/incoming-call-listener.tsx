"use client";

import { useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { CallView } from "@/lib/schemas/calls";
import { IncomingCallCard } from "./incoming-call-card";
import { useLiveFeed } from "./use-live-feed";

const POP_MS = 30_000;

/** A pop is for whoever the call is ringing: the member's own extension, or everyone while a ring group rings. */
function popsFor(call: CallView, myExtension: string | null): boolean {
  return call.extensionNumber === null || call.extensionNumber === myExtension;
}

/**
 * Pops a card when a known lead calls in. Mount once in the tenant app layout (it joins the tab's
 * shared live stream); the card goes away when the call is answered elsewhere or ends.
 */
export function IncomingCallListener() {
  const trpc = useTRPC();
  const board = useQuery(trpc.calls.live.board.queryOptions(undefined, { staleTime: Infinity, refetchOnWindowFocus: false }));
  const myExtension = board.data?.viewer.extensionNumber ?? null;
  const popped = useRef(new Set<string>());

  useLiveFeed((update) => {
    if (update.type === "incoming") {
      const call = update.call;
      if (!call.leadId || popped.current.has(call.id) || !popsFor(call, myExtension)) return;
      popped.current.add(call.id);
      toast.custom((id) => <IncomingCallCard call={call} onDismiss={() => toast.dismiss(id)} />, {
        id: `incoming-${call.id}`,
        duration: POP_MS,
      });
      return;
    }
    if (update.type === "call" && popped.current.has(update.call.id)) {
      const { call } = update;
      const elsewhere = call.state === "answered" && call.extensionNumber !== null && call.extensionNumber !== myExtension;
      if (call.state === "ended" || elsewhere) toast.dismiss(`incoming-${call.id}`);
    }
  });

  return null;
}
