"use client";

import { PlusIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import type { BoardSnapshot } from "@/lib/schemas/calls";
import { ConferenceItem } from "./conference-item";
import { ENDED_VISIBLE_MS } from "./live-board-state";
import { NewConferenceDialog } from "./new-conference-dialog";
import { useNow } from "./use-now";

export function ConferencesCard({ board }: { board: BoardSnapshot | undefined }) {
  const { t } = useI18n();
  const now = useNow();
  const [creating, setCreating] = useState(false);
  // Someone with neither an extension nor control of the team's calls (a support session) only watches.
  const readOnly = !!board && !board.viewer.canControlAll && !board.viewer.extensionNumber;
  const conferences = (board?.conferences ?? [])
    .filter((c) => c.endedAt === null || now - Date.parse(c.endedAt) < ENDED_VISIBLE_MS)
    .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));

  return (
    <Card className="gap-0 pb-0" data-testid="conferences">
      <CardHeader className="border-b pb-4">
        <CardTitle>{t("callsBoard.conferences.title")}</CardTitle>
        {board && !readOnly && (
          <CardAction>
            <Button size="sm" variant="outline" onClick={() => setCreating(true)}>
              <PlusIcon aria-hidden /> {t("callsBoard.conferences.new")}
            </Button>
          </CardAction>
        )}
      </CardHeader>
      <CardContent className="px-0">
        {!board ? (
          <div className="p-4">
            <Skeleton className="h-16 w-full" />
          </div>
        ) : conferences.length === 0 ? (
          <p className="px-4 py-6 text-center text-sm text-muted-foreground">{t("callsBoard.conferences.empty")}</p>
        ) : (
          <ul className="divide-y" aria-label={t("callsBoard.conferences.title")}>
            {conferences.map((conference) => (
              <ConferenceItem key={conference.id} conference={conference} now={now} readOnly={readOnly} />
            ))}
          </ul>
        )}
      </CardContent>
      {board && <NewConferenceDialog open={creating} onOpenChange={setCreating} agents={board.agents} />}
    </Card>
  );
}
