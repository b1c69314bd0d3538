"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { ChevronDownIcon, PhoneIcon, XIcon } from "lucide-react";
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { cn } from "@/lib/cn";
import { dismissCall, type ActiveCall } from "./active-call-store";
import { AfterCallForm } from "./after-call-form";
import { callPartyLabel, displayNumber, otherPartyNumber } from "./call-party";
import { CallPanelControls } from "./call-panel-controls";
import { CallPanelStatus } from "./call-panel-status";
import { callElapsedSeconds, formatDuration } from "./call-time";
import { PlaceCallButton } from "./place-call-button";
import { TransferDialog, type TransferMode } from "./transfer-dialog";
import { useFollowedCall } from "./use-followed-call";
import { useNow } from "./use-now";

/**
 * The floating in-call panel (bottom right): follows the tab's call live, offers hang up and
 * transfer, and turns into the after-call form when the call ends. Escape minimises it — it never
 * throws away a half-filled form; closing one asks first.
 */
export function CallPanel({ active }: { active: ActiveCall }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { call, lost } = useFollowedCall(active.callId);
  const agents =
    useQuery(trpc.calls.live.board.queryOptions(undefined, { staleTime: Infinity, refetchOnWindowFocus: false })).data?.agents ?? [];
  const [minimized, setMinimized] = useState(false);
  const [transfer, setTransfer] = useState<TransferMode | null>(null);
  const [dirty, setDirty] = useState(false);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const sectionRef = useRef<HTMLElement>(null);
  const expandRef = useRef<HTMLButtonElement>(null);
  const ended = call?.state === "ended";

  // The ingest writes the call's timeline entry when it ends: show it without a reload.
  useEffect(() => {
    if (!ended) return;
    void queryClient.invalidateQueries({ queryKey: trpc.activities.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.calls.history.pathKey() });
  }, [ended, queryClient, trpc]);

  const close = () => (dirty ? setConfirmingClose(true) : dismissCall(active.callId));
  const onDirtyChange = useCallback((value: boolean) => setDirty(value), []);
  const party = call ? callPartyLabel(call, active.label ?? t("callsBoard.calls.unknownNumber")) : (active.label ?? "");
  const number = call ? otherPartyNumber(call) : null;
  const leadId = call?.leadId ?? active.leadId ?? null;

  function onKeyDown(event: KeyboardEvent) {
    // Escape from a menu or select portaled out of the panel closes that, not the panel.
    if (event.key !== "Escape" || !sectionRef.current?.contains(event.target as Node)) return;
    event.preventDefault();
    setMinimized(true);
    requestAnimationFrame(() => expandRef.current?.focus());
  }

  return (
    <>
      {minimized && <MinimizedPill ref={expandRef} party={party} call={call} onExpand={() => setMinimized(false)} />}
      <section
        ref={sectionRef}
        role="region"
        aria-label={t("callsBoard.panel.label")}
        data-testid="call-panel"
        data-call-id={active.callId}
        data-state={call?.state ?? "originating"}
        onKeyDown={onKeyDown}
        className={cn(
          "fixed right-4 bottom-4 z-50 flex max-h-[calc(100vh-2rem)] w-[22rem] max-w-[calc(100vw-2rem)] flex-col gap-3 overflow-y-auto rounded-xl border bg-card p-4 shadow-lg",
          minimized && "hidden",
        )}
      >
        <header className="flex items-start gap-3">
          <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-primary/10 text-primary">
            <PhoneIcon aria-hidden className="size-4" />
          </span>
          <div className="min-w-0 flex-1">
            {leadId ? (
              <Link href={`/leads/${leadId}`} className="block truncate font-semibold hover:underline">
                {party}
              </Link>
            ) : (
              <p className="truncate font-semibold">{party}</p>
            )}
            {number && call?.leadName && <p className="text-xs text-muted-foreground tabular-nums">{displayNumber(number)}</p>}
          </div>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={t("callsBoard.panel.minimize")}
            title={t("callsBoard.panel.minimize")}
            onClick={() => setMinimized(true)}
          >
            <ChevronDownIcon aria-hidden />
          </Button>
          {(ended || lost) && (
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label={t("callsBoard.panel.close")}
              title={t("callsBoard.panel.close")}
              onClick={close}
            >
              <XIcon aria-hidden />
            </Button>
          )}
        </header>
        {lost ? <p className="text-sm text-muted-foreground">{t("callsBoard.panel.lost")}</p> : <CallPanelStatus call={call} />}
        {call && !ended && <CallPanelControls call={call} onTransfer={setTransfer} />}
        {call && ended && call.disposition === "agent_missed" && (
          <div className="flex items-center justify-between gap-2">
            <p className="text-sm text-muted-foreground">{t("calls.disposition.agent_missed")}</p>
            {leadId && <PlaceCallButton leadId={leadId} size="sm" variant="outline" panelLabel={active.label} />}
          </div>
        )}
        {call && ended && call.disposition !== "agent_missed" && (
          <>
            <div>
              <p className="font-medium">{t("callsBoard.afterCall.title")}</p>
              <p className="text-xs text-muted-foreground">
                {call.disposition && t(`calls.disposition.${call.disposition}`)}
                {call.answeredAt && ` · ${formatDuration(callElapsedSeconds(call, Date.now()))}`}
              </p>
            </div>
            <AfterCallForm
              call={call}
              partyName={call.leadName ?? active.label ?? null}
              onDone={() => dismissCall(active.callId)}
              onSkip={close}
              onDirtyChange={onDirtyChange}
            />
          </>
        )}
      </section>
      <TransferDialog call={transfer && call ? call : null} mode={transfer ?? "blind"} agents={agents} onClose={() => setTransfer(null)} />
      <AlertDialog open={confirmingClose} onOpenChange={setConfirmingClose}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("callsBoard.afterCall.discardTitle")}</AlertDialogTitle>
            <AlertDialogDescription>{t("callsBoard.afterCall.discardBody")}</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{t("callsBoard.afterCall.keepEditing")}</AlertDialogCancel>
            <AlertDialogAction variant="destructive" onClick={() => dismissCall(active.callId)}>
              {t("callsBoard.afterCall.discard")}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}

type PillProps = {
  ref: React.Ref<HTMLButtonElement>;
  party: string;
  call: ReturnType<typeof useFollowedCall>["call"];
  onExpand: () => void;
};

function MinimizedPill({ ref, party, call, onExpand }: PillProps) {
  const { t } = useI18n();
  const now = useNow();
  const state = call?.state ?? "originating";
  return (
    <button
      ref={ref}
      type="button"
      onClick={onExpand}
      aria-label={`${t("callsBoard.panel.expand")}: ${party}, ${t(`calls.state.${state}`)}`}
      data-testid="call-panel-pill"
      className="fixed right-4 bottom-4 z-50 flex items-center gap-2 rounded-full border bg-card px-4 py-2 text-sm font-medium shadow-lg outline-none hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring"
    >
      <span aria-hidden className={cn("size-2 rounded-full", state === "ended" ? "bg-muted-foreground" : "animate-pulse bg-success")} />
      <span className="max-w-40 truncate">{party}</span>
      <span className="text-muted-foreground tabular-nums">
        {state === "answered" && call ? formatDuration(callElapsedSeconds(call, now)) : t(`calls.state.${state}`)}
      </span>
    </button>
  );
}
