"use client";

import { HeadsetIcon } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import type { BoardSnapshot } from "@/lib/schemas/calls";
import { callElapsedSeconds, formatDuration } from "./call-time";
import { agentStatus, type AgentStatus } from "./live-board-state";
import { useNow } from "./use-now";

const DOT: Record<AgentStatus, string> = { offline: "bg-muted-foreground/40", free: "bg-success", in_call: "bg-warning" };
const ORDER: Record<AgentStatus, number> = { in_call: 0, free: 1, offline: 2 };

/** Every extension with its presence: offline (not registered), free, or in a call (and for how long). */
export function AgentsCard({ board }: { board: BoardSnapshot | undefined }) {
  const { t } = useI18n();
  const now = useNow();
  const agents = [...(board?.agents ?? [])].sort(
    (a, b) =>
      ORDER[agentStatus(a)] - ORDER[agentStatus(b)] || a.extensionNumber.localeCompare(b.extensionNumber, undefined, { numeric: true }),
  );
  const count = (status: AgentStatus) => agents.filter((a) => agentStatus(a) === status).length;
  const callsById = new Map(board?.calls.map((c) => [c.id, c]));

  return (
    <Card className="gap-0 pb-0" data-testid="agents">
      <CardHeader className="border-b pb-4">
        <CardTitle>{t("callsBoard.agents.title")}</CardTitle>
        {board && agents.length > 0 && (
          <CardDescription>
            {t("callsBoard.agents.summary", { free: count("free"), busy: count("in_call"), offline: count("offline") })}
          </CardDescription>
        )}
      </CardHeader>
      <CardContent className="px-0">
        {!board ? (
          <div className="flex flex-col gap-3 p-4" aria-busy>
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} className="h-9 w-full" />
            ))}
          </div>
        ) : agents.length === 0 ? (
          <div className="flex flex-col items-center gap-2 px-6 py-10 text-center">
            <HeadsetIcon aria-hidden className="size-5 text-muted-foreground" />
            <p className="font-medium">{t("callsBoard.agents.empty")}</p>
            <p className="text-sm text-muted-foreground">{t("callsBoard.agents.emptyHint")}</p>
          </div>
        ) : (
          <ul className="divide-y" aria-label={t("callsBoard.agents.title")}>
            {agents.map((agent) => {
              const status = agentStatus(agent);
              const call = agent.callId ? callsById.get(agent.callId) : undefined;
              const label =
                status === "in_call"
                  ? call
                    ? t("callsBoard.agents.inCallFor", { duration: formatDuration(callElapsedSeconds(call, now)) })
                    : t("callsBoard.agents.inCall")
                  : t(`callsBoard.agents.${status}`);
              const mine = board.viewer.extensionNumber === agent.extensionNumber;
              return (
                <li
                  key={agent.extensionId}
                  data-testid={`agent-${agent.extensionNumber}`}
                  data-presence={status}
                  className="flex items-center gap-3 px-4 py-2.5"
                >
                  <span aria-hidden className={cn("size-2.5 shrink-0 rounded-full", DOT[status])} />
                  <div className="min-w-0 flex-1">
                    <p className={cn("truncate text-sm font-medium", status === "offline" && "text-muted-foreground")}>
                      {agent.name}
                      {mine && <span className="font-normal text-muted-foreground"> ({t("callsBoard.agents.you")})</span>}
                    </p>
                    <p className="text-xs text-muted-foreground tabular-nums">
                      {t("callsBoard.calls.extension", { number: agent.extensionNumber })}
                    </p>
                  </div>
                  <span className={cn("text-xs tabular-nums", status === "in_call" ? "font-medium text-warning" : "text-muted-foreground")}>
                    {label}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
