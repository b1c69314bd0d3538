import type { AgentPresence, BoardSnapshot, BoardViewer, CallView } from "@/lib/schemas/calls";
import type { MemberRole } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import type { CrmViewer } from "@/server/services/crm/access";
import { callViewSelect, toCallView } from "./call-view";
import { conferenceViewSelect, toConferenceView } from "./conference-view";
import { hiddenLeadIds, maskCallLead } from "./live-lead-mask";

/** How long an ended call stays on the board, so the rep sees how it ended. */
export const ENDED_CALL_VISIBLE_MS = 2 * 60_000;
/** Live calls are bounded by the plan's concurrent calls; this only guards against stale rows. */
const MAX_BOARD_CALLS = 500;

export type BoardActor = {
  kind: "member" | "support" | "api_key";
  role: MemberRole;
  membershipId: string | null;
  planId: string;
  crm: CrmViewer;
};

/** Every enabled extension with its registration and the live call it is on (first = most recent). */
export async function listAgents(
  db: TenantDb,
  boardCalls?: readonly Pick<CallView, "id" | "state" | "extensionNumber">[],
): Promise<AgentPresence[]> {
  const calls =
    boardCalls ??
    (await db.call.findMany({
      where: { state: { not: "ended" }, extensionNumber: { not: null } },
      select: { id: true, state: true, extensionNumber: true },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      take: MAX_BOARD_CALLS,
    }));
  const callOf = new Map<string, string>();
  for (const call of calls) {
    if (call.state !== "ended" && call.extensionNumber && !callOf.has(call.extensionNumber)) callOf.set(call.extensionNumber, call.id);
  }
  const extensions = await db.extension.findMany({
    where: { enabled: true },
    select: { id: true, number: true, name: true, registered: true, membership: { select: { userId: true } } },
    orderBy: { number: "asc" },
  });
  return extensions.map((e) => ({
    extensionId: e.id,
    extensionNumber: e.number,
    name: e.name,
    userId: e.membership?.userId ?? null,
    registered: e.registered,
    callId: callOf.get(e.number) ?? null,
  }));
}

async function boardViewer(db: TenantDb, actor: BoardActor): Promise<BoardViewer> {
  const manager = actor.kind === "member" && actor.role !== "rep";
  const [plan, own] = await Promise.all([
    db.plan.findUnique({ where: { id: actor.planId }, select: { features: true } }),
    actor.membershipId
      ? db.extension.findFirst({
          where: { membershipId: actor.membershipId, enabled: true },
          select: { number: true },
          orderBy: { number: "asc" },
        })
      : null,
  ]);
  // Support sessions are read-only and API keys have no phone: neither monitors nor controls.
  return {
    canMonitor: manager && (plan?.features.includes("monitoring") ?? false),
    extensionNumber: own?.number ?? null,
    canControlAll: manager,
  };
}

/**
 * The live board: calls in progress plus those ended in the last two minutes, every agent's
 * presence, running conferences, and what this viewer may do. Reps see the whole team's calls
 * (as in Aircall), but not the names of leads they may not see.
 */
export async function loadBoard(db: TenantDb, actor: BoardActor, now = new Date()): Promise<BoardSnapshot> {
  const since = new Date(now.getTime() - ENDED_CALL_VISIBLE_MS);
  const rows = await db.call.findMany({
    where: { OR: [{ state: { not: "ended" } }, { endedAt: { gte: since } }] },
    select: callViewSelect,
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: MAX_BOARD_CALLS,
  });
  const calls = rows.map(toCallView);
  const hidden = await hiddenLeadIds(
    db,
    actor.crm,
    calls.flatMap((c) => (c.leadId ? [c.leadId] : [])),
  );
  const [agents, conferences, viewer] = await Promise.all([
    listAgents(db, calls),
    db.conference.findMany({ where: { endedAt: null }, select: conferenceViewSelect, orderBy: { startedAt: "desc" } }),
    boardViewer(db, actor),
  ]);
  return { calls: calls.map((c) => maskCallLead(c, hidden)), agents, conferences: conferences.map(toConferenceView), viewer };
}
