import type { Session } from "next-auth";
import { makeWorkspace, memberCaller } from "@/server/routers/settings/settings-fixtures";
import { ownerQuery } from "@/server/testing/owner-db";

// Test arrangement for the call history (imported by *.int.test.ts only): a throw-away tenant with a
// manager and two reps, and Call rows written as the tables' owner. acme/globex are never touched,
// since other test files read their calls.

export async function historyWorkspace(features: string[] = ["call_recording"]) {
  const { tenant, owner } = await makeWorkspace({ features });
  const manager = await memberCaller(tenant, "manager", "Marta Gerente");
  const rep = await memberCaller(tenant, "rep", "Rui Vendedor");
  const otherRep = await memberCaller(tenant, "rep", "Bia Vendedora");
  return { tenant, owner, manager, rep, otherRep };
}
export type HistoryWorkspace = Awaited<ReturnType<typeof historyWorkspace>>;

export type CallSeed = {
  id?: string;
  direction?: "inbound" | "outbound" | "internal";
  state?: "originating" | "ringing" | "answered" | "ended";
  startedAt: Date;
  durationSec?: number | null;
  billsec?: number | null;
  disposition?: "answered" | "no_answer" | "busy" | "failed" | "agent_missed" | null;
  fromNumber?: string | null;
  toNumber?: string | null;
  userId?: string | null;
  userName?: string | null;
  leadId?: string | null;
  recordingPath?: string | null;
  activityId?: string | null;
  extensionNumber?: string | null;
};

/** Inserts calls (ended and answered unless said otherwise); their ids in order. */
export async function insertCalls(tenantId: string, calls: CallSeed[]): Promise<string[]> {
  const ids: string[] = [];
  for (const c of calls) {
    const state = c.state ?? "ended";
    const durationSec = c.durationSec === undefined ? 60 : c.durationSec;
    const endedAt = state === "ended" ? new Date(c.startedAt.getTime() + (durationSec ?? 0) * 1000) : null;
    const disposition = c.disposition === undefined ? (state === "ended" ? "answered" : null) : c.disposition;
    const [row] = await ownerQuery<{ id: string }>(
      `INSERT INTO "Call" (id, "tenantId", direction, state, "fromNumber", "toNumber", "extensionNumber", "userId", "userName", "leadId",
         "startedAt", "answeredAt", "endedAt", "durationSec", billsec, disposition, "recordingPath", "activityId", "updatedAt")
       VALUES (COALESCE($1::uuid, gen_random_uuid()), $2, $3::"CallDirection", $4::"CallState", $5, $6, $7, $8, $9, $10,
         $11, $12, $13, $14, $15, $16::"CallDisposition", $17, $18, now()) RETURNING id`,
      [
        c.id ?? null,
        tenantId,
        c.direction ?? "outbound",
        state,
        c.fromNumber === undefined ? "1001" : c.fromNumber,
        c.toNumber === undefined ? "5511999990000" : c.toNumber,
        c.extensionNumber === undefined ? "1001" : c.extensionNumber,
        c.userId ?? null,
        c.userName ?? null,
        c.leadId ?? null,
        c.startedAt,
        disposition === "answered" ? c.startedAt : null,
        endedAt,
        state === "ended" ? durationSec : null,
        state === "ended" ? (c.billsec === undefined ? (disposition === "answered" ? (durationSec ?? 0) : 0) : c.billsec) : null,
        disposition,
        c.recordingPath ?? null,
        c.activityId ?? null,
      ],
    );
    ids.push(row!.id);
  }
  return ids;
}

/** A session like next-auth's for a member on a tenant host, for the route handlers. */
export async function sessionFor(email: string, slug: string): Promise<Session> {
  const [user] = await ownerQuery<{ id: string; name: string }>(`SELECT id, name FROM "User" WHERE email = $1`, [email]);
  return {
    user: { id: user!.id, email, name: user!.name, scope: `tenant:${slug}`, locale: "pt-BR" },
    expires: new Date(Date.now() + 3600_000).toISOString(),
  };
}
