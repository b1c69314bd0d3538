"use client";

import Link from "next/link";
import { PhoneForwardedIcon } from "lucide-react";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import type { BoardViewer, CallView } from "@/lib/schemas/calls";
import { callPartyLabel, displayNumber, otherPartyNumber } from "./call-party";
import { CallDirectionIcon } from "./call-direction-icon";
import { CallStateBadge } from "./call-state-badge";
import { callElapsedSeconds, formatDuration } from "./call-time";
import { LiveCallActions, type LiveCallHandlers } from "./live-call-actions";

type Props = { call: CallView; now: number; viewer: BoardViewer; handlers: LiveCallHandlers };

/** One call on the board; the e2e test reads `data-call-id` and `data-state`. */
export function LiveCallRow({ call, now, viewer, handlers }: Props) {
  const { t } = useI18n();
  const party = callPartyLabel(call, t("callsBoard.calls.unknownNumber"));
  const number = otherPartyNumber(call);
  const ended = call.state === "ended";
  return (
    <li
      data-testid="live-call"
      data-call-id={call.id}
      data-state={call.state}
      aria-label={`${call.userName ?? t("callsBoard.calls.unknownMember")} · ${party} · ${t(`calls.state.${call.state}`)}`}
      className={cn(
        "grid grid-cols-[auto_minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 px-4 py-3 transition-opacity duration-1000 sm:grid-cols-[auto_minmax(0,1fr)_minmax(0,1fr)_8rem_5rem_auto]",
        ended && "opacity-40",
      )}
    >
      <CallDirectionIcon direction={call.direction} />
      <div className="min-w-0">
        <p className="truncate text-sm font-medium">{call.userName ?? t("callsBoard.calls.unknownMember")}</p>
        {call.extensionNumber && (
          <p className="text-xs text-muted-foreground">{t("callsBoard.calls.extension", { number: call.extensionNumber })}</p>
        )}
      </div>
      <div className="col-start-2 min-w-0 sm:col-start-auto">
        {call.leadId && call.leadName ? (
          <Link href={`/leads/${call.leadId}`} className="block truncate text-sm font-medium text-primary hover:underline">
            {call.leadName}
          </Link>
        ) : (
          <p className="truncate text-sm font-medium tabular-nums">{party}</p>
        )}
        <p className="flex min-w-0 items-center gap-1 text-xs text-muted-foreground">
          {call.leadName && number && <span className="truncate tabular-nums">{displayNumber(number)}</span>}
          {call.transferredTo && (
            <span className="inline-flex items-center gap-1 truncate">
              <PhoneForwardedIcon aria-hidden className="size-3" />
              {t("callsBoard.calls.transferredTo", { target: displayNumber(call.transferredTo) })}
            </span>
          )}
        </p>
      </div>
      <div className="col-start-2 row-start-3 sm:col-start-auto sm:row-start-auto">
        <CallStateBadge state={call.state} />
      </div>
      <time
        className="col-start-3 row-start-1 text-right font-mono text-sm tabular-nums sm:col-start-auto sm:row-start-auto"
        aria-label={t("callsBoard.calls.duration")}
        data-testid="call-duration"
      >
        {formatDuration(callElapsedSeconds(call, now))}
      </time>
      <div className="col-start-3 row-start-2 flex justify-end sm:col-start-auto sm:row-start-auto">
        <LiveCallActions call={call} party={party} viewer={viewer} handlers={handlers} />
      </div>
    </li>
  );
}
