"use client";

import Link from "next/link";
import { PlaceCallButton } from "@/components/calls/place-call-button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import type { CallView } from "@/lib/schemas/calls";
import { DirectionIcon, DispositionBadge, OutcomeBadge } from "./call-badges";
import { displayNumber, formatDuration, otherParty } from "./history-range";
import { RecordingPlayer } from "./recording-player";

type Props = { calls: CallView[]; readOnly: boolean };

/** The history's rows: when, direction, who, with whom, extension, duration, status, outcome, recording, call back. */
export function HistoryTable({ calls, readOnly }: Props) {
  const { t, locale } = useI18n();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: "America/Sao_Paulo" });

  return (
    <Table data-testid="history-table">
      <caption className="sr-only">{t("callHistory.table.caption")}</caption>
      <TableHeader>
        <TableRow>
          <TableHead>{t("callHistory.table.time")}</TableHead>
          <TableHead className="w-8">
            <span className="sr-only">{t("callHistory.table.direction")}</span>
          </TableHead>
          <TableHead>{t("callHistory.table.who")}</TableHead>
          <TableHead>{t("callHistory.table.with")}</TableHead>
          <TableHead>{t("callHistory.table.extension")}</TableHead>
          <TableHead className="text-right">{t("callHistory.table.duration")}</TableHead>
          <TableHead>{t("callHistory.table.disposition")}</TableHead>
          <TableHead>{t("callHistory.table.outcome")}</TableHead>
          <TableHead>
            <span className="sr-only">{t("callHistory.table.actions")}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {calls.map((call) => {
          const other = otherParty(call);
          const startedAt = when.format(new Date(call.startedAt));
          return (
            <TableRow key={call.id} data-testid="history-row" data-call-id={call.id}>
              <TableCell className="whitespace-nowrap tabular-nums">{startedAt}</TableCell>
              <TableCell>
                <DirectionIcon direction={call.direction} />
              </TableCell>
              <TableCell className="max-w-40 truncate">{call.userName ?? t("callHistory.table.nobody")}</TableCell>
              <TableCell className="max-w-56">
                {call.leadId && call.leadName ? (
                  <div className="flex flex-col">
                    <Link href={`/leads/${call.leadId}`} className="truncate font-medium hover:underline">
                      {call.leadName}
                    </Link>
                    {other && <span className="text-xs text-muted-foreground tabular-nums">{displayNumber(other)}</span>}
                  </div>
                ) : (
                  <span className="tabular-nums">{other ? displayNumber(other) : t("callHistory.table.unknownNumber")}</span>
                )}
                {call.transferredTo && (
                  <span className="block text-xs text-muted-foreground">
                    {t("callHistory.table.transferred", { target: call.transferredTo })}
                  </span>
                )}
              </TableCell>
              <TableCell className="tabular-nums">{call.extensionNumber ?? "—"}</TableCell>
              <TableCell className="text-right tabular-nums">
                {formatDuration(call.billsec && call.billsec > 0 ? call.billsec : call.durationSec)}
              </TableCell>
              <TableCell>
                <DispositionBadge call={call} />
              </TableCell>
              <TableCell>
                <OutcomeBadge outcome={call.outcome} />
              </TableCell>
              <TableCell>
                <div className="flex items-center justify-end gap-1">
                  {call.hasRecording && <RecordingPlayer callId={call.id} when={startedAt} />}
                  {!readOnly && call.direction !== "internal" && call.state === "ended" && other && (
                    <PlaceCallButton
                      callId={call.id}
                      size="icon-sm"
                      variant="ghost"
                      label={t("callHistory.table.callBack")}
                      panelLabel={call.leadName ?? displayNumber(other)}
                      testId="history-call-back"
                    />
                  )}
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
