"use client";

import { PhoneIcon } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import type { BoardSnapshot } from "@/lib/schemas/calls";
import type { LiveCallHandlers } from "./live-call-actions";
import { LiveCallRow } from "./live-call-row";
import { visibleCalls } from "./live-board-state";
import { useNow } from "./use-now";

export function LiveCallsCard({ board, handlers }: { board: BoardSnapshot | undefined; handlers: LiveCallHandlers }) {
  const { t } = useI18n();
  const now = useNow();
  const calls = board ? visibleCalls(board.calls, now) : [];
  const live = calls.filter((c) => c.state !== "ended").length;
  return (
    <Card className="gap-0 pb-0" data-testid="live-calls">
      <CardHeader className="border-b pb-4">
        <CardTitle>{t("callsBoard.calls.title")}</CardTitle>
        {board && <CardDescription>{t("callsBoard.calls.count", { count: live })}</CardDescription>}
      </CardHeader>
      <CardContent className="px-0">
        {!board ? (
          <div className="flex flex-col gap-3 p-4" aria-busy>
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-12 w-full" />
            ))}
          </div>
        ) : calls.length === 0 ? (
          <div className="flex flex-col items-center gap-2 px-6 py-12 text-center">
            <span className="flex size-10 items-center justify-center rounded-full bg-muted">
              <PhoneIcon aria-hidden className="size-5 text-muted-foreground" />
            </span>
            <p className="font-medium">{t("callsBoard.calls.empty")}</p>
            <p className="text-sm text-muted-foreground">{t("callsBoard.calls.emptyHint")}</p>
          </div>
        ) : (
          <ul className="divide-y" aria-label={t("callsBoard.calls.title")}>
            {calls.map((call) => (
              <LiveCallRow key={call.id} call={call} now={now} viewer={board.viewer} handlers={handlers} />
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
