"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { DirectionIcon, DispositionBadge, OutcomeBadge } from "@/components/call-history/call-badges";
import { formatDuration } from "@/components/call-history/history-range";
import { RecordingPlayer } from "@/components/call-history/recording-player";
import { LoadError } from "@/components/settings/load-error";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";

const RECENT = 5;

/** The lead's latest calls (whoever made them), with their status, outcome and recording. */
export function LeadCallsCard({ leadId }: { leadId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const calls = useQuery(trpc.calls.history.byLead.queryOptions({ leadId, limit: RECENT + 1 }, { staleTime: 10_000 }));
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: "America/Sao_Paulo" });
  const shown = calls.data?.slice(0, RECENT) ?? [];

  return (
    <Card className="gap-3" data-testid="lead-calls">
      <CardHeader>
        <CardTitle>{t("callHistory.leadCard.title")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-2">
        {calls.isError ? (
          <LoadError onRetry={() => void calls.refetch()} />
        ) : !calls.data ? (
          <>
            <Skeleton className="h-12 w-full" />
            <Skeleton className="h-12 w-full" />
          </>
        ) : shown.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("callHistory.leadCard.empty")}</p>
        ) : (
          <ul className="flex flex-col divide-y" aria-label={t("callHistory.leadCard.title")}>
            {shown.map((call) => {
              const startedAt = when.format(new Date(call.startedAt));
              return (
                <li key={call.id} className="flex flex-col gap-1 py-2 first:pt-0" data-testid="lead-call" data-call-id={call.id}>
                  <div className="flex items-center gap-2 text-sm">
                    <DirectionIcon direction={call.direction} />
                    <span className="tabular-nums">{startedAt}</span>
                    <span className="ml-auto text-muted-foreground tabular-nums">
                      {formatDuration(call.billsec && call.billsec > 0 ? call.billsec : call.durationSec)}
                    </span>
                  </div>
                  <div className="flex flex-wrap items-center gap-1.5">
                    <DispositionBadge call={call} />
                    {call.outcome && <OutcomeBadge outcome={call.outcome} />}
                    {call.userName && (
                      <span className="text-xs text-muted-foreground">{t("callHistory.leadCard.by", { name: call.userName })}</span>
                    )}
                  </div>
                  {call.hasRecording && <RecordingPlayer callId={call.id} when={startedAt} />}
                </li>
              );
            })}
          </ul>
        )}
        {calls.data && calls.data.length > RECENT && (
          <Button asChild variant="link" size="sm" className="self-start px-0">
            <Link href={`/calls/history?leadId=${leadId}`}>{t("callHistory.leadCard.seeAll")}</Link>
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
