import { randomUUID } from "node:crypto";
import type { Session } from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CallView, LiveStreamMessage, LiveUpdate } from "@/lib/schemas/calls";
import { withTenant } from "@/server/db";
import { publishLive } from "@/server/services/calls/live-publish";
import { telephonyTenant, type TelephonyTenant } from "@/server/services/extensions/telephony.fixture";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery, tenantId } from "@/server/testing/owner-db";
import { startTrpcHttpServer, subscribeSse, type SseSubscription, type TrpcHttpServer } from "./live-sse.fixture";

// The board's contents and masking, and the SSE subscription over a real HTTP server with two
// tenants subscribed at once (issue 6, Must show 3: nothing of one tenant reaches another).

async function sessionOf(email: string, slug: string): Promise<Session> {
  const [user] = await ownerQuery<{ id: string; name: string; locale: string }>(`SELECT id, name, locale FROM "User" WHERE email = $1`, [
    email,
  ]);
  return {
    user: { id: user!.id, email, name: user!.name, scope: `tenant:${slug}`, locale: user!.locale },
    expires: new Date(Date.now() + 3600_000).toISOString(),
  };
}

function callView(over: Partial<CallView> = {}): CallView {
  return {
    id: randomUUID(),
    direction: "outbound",
    state: "ringing",
    fromNumber: "1001",
    toNumber: "+5511999990000",
    extensionNumber: "1001",
    userId: null,
    userName: null,
    leadId: null,
    leadName: null,
    startedAt: new Date().toISOString(),
    ringingAt: null,
    answeredAt: null,
    endedAt: null,
    durationSec: null,
    billsec: null,
    disposition: null,
    hangupCause: null,
    hangupCauseText: null,
    transferredTo: null,
    outcome: null,
    hasRecording: false,
    ...over,
  };
}

async function insertLead(tenant: string, name: string, ownerId: string | null): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Lead" (id, "tenantId", name, phone, "ownerId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, '+5511988887777', $3, now()) RETURNING id`,
    [tenant, name, ownerId],
  );
  return row!.id;
}

async function insertExtension(tenant: string, number: string, membershipId: string | null, registered: boolean): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Extension" (id, "tenantId", number, name, "membershipId", "secretEnc", registered, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, 'x', $5, now()) RETURNING id`,
    [tenant, number, `Ramal ${number}`, membershipId, registered],
  );
  return row!.id;
}

async function insertCall(
  tenant: string,
  values: { state: "ringing" | "answered" | "ended"; extension: string; leadId?: string | null; endedAgoMs?: number },
): Promise<string> {
  const ended = values.state === "ended";
  const endedAt = ended ? new Date(Date.now() - (values.endedAgoMs ?? 0)) : null;
  const startedAt = new Date((endedAt?.getTime() ?? Date.now()) - 60_000);
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Call" (id, "tenantId", direction, state, "fromNumber", "toNumber", "extensionNumber", "leadId", "startedAt", "endedAt", disposition, "updatedAt")
     VALUES (gen_random_uuid(), $1, 'outbound', $2::"CallState", $3, '+5511988887777', $3, $4, $5, $6, $7::"CallDisposition", now()) RETURNING id`,
    [tenant, values.state, values.extension, values.leadId ?? null, startedAt, endedAt, ended ? "answered" : null],
  );
  return row!.id;
}

const isResync = (data: unknown) => (data as LiveStreamMessage).type === "resync";
const callIdOf = (data: unknown) => {
  const message = data as LiveStreamMessage;
  return message.type === "call" || message.type === "incoming" ? message.call.id : null;
};

describe("calls.live.board", () => {
  let t: TelephonyTenant;
  let managerLead: string;
  let repLead: string;
  let poolLead: string;
  let liveCall: string;
  let repCall: string;
  let recentEnded: string;
  let oldEnded: string;
  let conferenceId: string;

  beforeAll(async () => {
    t = await telephonyTenant();
    await ownerQuery(`UPDATE "Plan" SET features = ARRAY['monitoring'] WHERE id = $1`, [t.planId]);
    managerLead = await insertLead(t.id, "Lead do Gerente", t.manager.membershipId);
    repLead = await insertLead(t.id, "Lead do Rep", t.rep.membershipId);
    poolLead = await insertLead(t.id, "Lead sem dono", null);
    await insertExtension(t.id, "2001", t.manager.membershipId, true);
    await insertExtension(t.id, "2002", t.rep.membershipId, true);
    await insertExtension(t.id, "2003", null, false);
    await ownerQuery(`UPDATE "Extension" SET enabled = false WHERE "tenantId" = $1 AND number = '2003'`, [t.id]);
    liveCall = await insertCall(t.id, { state: "answered", extension: "2001", leadId: managerLead });
    repCall = await insertCall(t.id, { state: "ringing", extension: "2002", leadId: repLead });
    recentEnded = await insertCall(t.id, { state: "ended", extension: "2002", leadId: poolLead, endedAgoMs: 60_000 });
    oldEnded = await insertCall(t.id, { state: "ended", extension: "2002", endedAgoMs: 10 * 60_000 });
    const [conference] = await ownerQuery<{ id: string }>(
      `INSERT INTO "Conference" (id, "tenantId", code, title) VALUES (gen_random_uuid(), $1, '123456', 'Reunião') RETURNING id`,
      [t.id],
    );
    conferenceId = conference!.id;
    await ownerQuery(
      `INSERT INTO "ConferenceParticipant" (id, "tenantId", "conferenceId", target, label, state) VALUES (gen_random_uuid(), $1, $2, '2001', 'Ramal 2001', 'joined')`,
      [t.id, conferenceId],
    );
    await ownerQuery(
      `INSERT INTO "Conference" (id, "tenantId", code, title, "endedAt") VALUES (gen_random_uuid(), $1, '654321', 'Antiga', now())`,
      [t.id],
    );
  });

  it("shows live calls and those ended in the last two minutes, agents with their live call, running conferences", async () => {
    const board = await t.manager.caller.calls.live.board();
    expect(board.calls.map((c) => c.id).sort()).toEqual([liveCall, repCall, recentEnded].sort());
    expect(board.calls.map((c) => c.id)).not.toContain(oldEnded);
    expect(board.agents.map((a) => [a.extensionNumber, a.registered, a.callId, a.userId])).toEqual([
      ["2001", true, liveCall, t.manager.userId],
      ["2002", true, repCall, t.rep.userId],
    ]);
    expect(board.conferences).toHaveLength(1);
    expect(board.conferences[0]).toMatchObject({ id: conferenceId, code: "123456", participants: [{ target: "2001", state: "joined" }] });
    expect(board.calls.find((c) => c.id === liveCall)).toMatchObject({ leadId: managerLead, leadName: "Lead do Gerente" });
    expect(board.viewer).toEqual({ canMonitor: true, extensionNumber: "2001", canControlAll: true });
    expect(await t.manager.caller.calls.live.agents()).toEqual(board.agents);
  });

  it("with owner visibility a rep sees the team's calls but not the leads they may not see", async () => {
    const board = await t.rep.caller.calls.live.board();
    const byId = new Map(board.calls.map((c) => [c.id, c]));
    expect([...byId.keys()].sort()).toEqual([liveCall, repCall, recentEnded].sort());
    expect(byId.get(liveCall)).toMatchObject({ leadId: null, leadName: null, extensionNumber: "2001" });
    expect(byId.get(repCall)).toMatchObject({ leadId: repLead, leadName: "Lead do Rep" });
    expect(byId.get(recentEnded)).toMatchObject({ leadId: poolLead, leadName: "Lead sem dono" });
    expect(board.viewer).toEqual({ canMonitor: false, extensionNumber: "2002", canControlAll: false });
  });

  it("a support session reads the board but may neither monitor nor control", async () => {
    const board = await t.support.calls.live.board();
    expect(board.calls).toHaveLength(3);
    expect(board.viewer).toEqual({ canMonitor: false, extensionNumber: null, canControlAll: false });
  });

  it("without the plan's monitoring feature even an admin cannot monitor", async () => {
    const other = await telephonyTenant();
    await insertExtension(other.id, "3001", other.admin.membershipId, false);
    const board = await other.admin.caller.calls.live.board();
    expect(board).toEqual({
      calls: [],
      agents: [expect.objectContaining({ extensionNumber: "3001", callId: null })],
      conferences: [],
      viewer: { canMonitor: false, extensionNumber: "3001", canControlAll: true },
    });
  });

  it("another tenant's calls, agents and conferences never appear (cross-tenant)", async () => {
    const gil = await callerFor("gil@globex.test", "globex.localhost");
    const board = await gil.calls.live.board();
    const ids = new Set([
      ...board.calls.map((c) => c.id),
      ...board.conferences.map((c) => c.id),
      ...board.agents.map((a) => a.extensionId),
    ]);
    for (const id of [liveCall, repCall, recentEnded, conferenceId]) expect(ids).not.toContain(id);
    const [globexId] = [await tenantId("globex")];
    const rows = await ownerQuery<{ id: string }>(`SELECT id FROM "Call" WHERE id = ANY($1::uuid[]) AND "tenantId" <> $2`, [
      board.calls.map((c) => c.id),
      globexId,
    ]);
    expect(rows).toEqual([]);
  });

  it("refuses anonymous callers and other hosts' sessions", async () => {
    const outsider = await callerFor("gil@globex.test", `${t.slug}.localhost`, "tenant:globex");
    await expect(outsider.calls.live.board()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("calls.live.updates over SSE", () => {
  let server: TrpcHttpServer;
  let acme: string;
  let globex: string;
  const open: SseSubscription[] = [];
  let t: TelephonyTenant;
  let managerLead: string;
  let repLead: string;

  beforeAll(async () => {
    acme = await tenantId("acme");
    globex = await tenantId("globex");
    t = await telephonyTenant();
    managerLead = await insertLead(t.id, "Lead do Gerente", t.manager.membershipId);
    repLead = await insertLead(t.id, "Lead do Rep", t.rep.membershipId);
    const sessions = new Map<string, Session>([
      ["ana", await sessionOf("ana@acme.test", "acme")],
      ["marta", await sessionOf("marta@acme.test", "acme")],
      ["gil", await sessionOf("gil@globex.test", "globex")],
      ["rep", await sessionOf(t.rep.email, t.slug)],
    ]);
    server = await startTrpcHttpServer(sessions);
  });

  afterAll(async () => {
    for (const sub of open) sub.close();
    await server?.close();
  });

  function subscribe(session: string | undefined, host: string): SseSubscription {
    const sub = subscribeSse({ port: server.port, host, path: "calls.live.updates", session });
    open.push(sub);
    return sub;
  }

  it("two tenants subscribed at once each get only their own updates; a rolled-back publish is never seen", async () => {
    const ana = subscribe("ana", "acme.localhost");
    const marta = subscribe("marta", "acme.localhost");
    const gil = subscribe("gil", "globex.localhost");
    await Promise.all([ana, marta, gil].map((s) => s.waitFor(isResync)));
    expect(ana.messages[0]!.data).toEqual({ type: "resync", reason: "subscribed" });
    expect(ana.status()).toBe(200);

    const acmeIds = new Set<string>();
    const globexIds = new Set<string>();
    const rolledBack = callView();
    for (let i = 0; i < 5; i++) {
      const a = callView({ extensionNumber: "1001" });
      const g = callView({ extensionNumber: "1001", state: "answered" });
      acmeIds.add(a.id);
      globexIds.add(g.id);
      // Both tenants publish concurrently, in separate real transactions.
      await Promise.all([
        withTenant(acme, (db) => publishLive(db, acme, [{ type: "call", call: a }])),
        withTenant(globex, (db) =>
          publishLive(db, globex, [
            { type: "call", call: g },
            { type: "presence", extensionNumber: "1001", registered: true },
          ]),
        ),
      ]);
    }
    await expect(
      withTenant(acme, async (db) => {
        await publishLive(db, acme, [{ type: "call", call: rolledBack }]);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    // A NOTIFY that is not a valid envelope is dropped, never forwarded to anyone.
    await ownerQuery(`SELECT pg_notify('linha_live', $1)`, [
      JSON.stringify({ tenantId: "acme", updates: [{ type: "call", call: callView() }] }),
    ]);
    await ownerQuery(`SELECT pg_notify('linha_live', 'not json')`);
    // Commit order is delivery order: once the sentinels arrive, the rolled-back update would have.
    const acmeSentinel = callView();
    const globexSentinel = callView();
    await withTenant(acme, (db) => publishLive(db, acme, [{ type: "call", call: acmeSentinel }]));
    await withTenant(globex, (db) => publishLive(db, globex, [{ type: "call", call: globexSentinel }]));
    await Promise.all([
      ana.waitFor((d) => callIdOf(d) === acmeSentinel.id),
      marta.waitFor((d) => callIdOf(d) === acmeSentinel.id),
      gil.waitFor((d) => callIdOf(d) === globexSentinel.id),
    ]);

    for (const sub of [ana, marta]) {
      const ids = sub.messages.map((m) => callIdOf(m.data)).filter((id): id is string => id !== null);
      for (const id of acmeIds) expect(ids).toContain(id);
      for (const id of [...globexIds, globexSentinel.id, rolledBack.id]) expect(ids).not.toContain(id);
      // Updates from elsewhere (other test files' ingest on the demo tenants) must be acme's too.
      const foreign = await ownerQuery(`SELECT id FROM "Call" WHERE id = ANY($1::uuid[]) AND "tenantId" <> $2`, [ids, acme]);
      expect(foreign).toEqual([]);
    }
    const gilIds = gil.messages.map((m) => callIdOf(m.data)).filter((id): id is string => id !== null);
    for (const id of globexIds) expect(gilIds).toContain(id);
    for (const id of [...acmeIds, acmeSentinel.id, rolledBack.id]) expect(gilIds).not.toContain(id);
    const foreign = await ownerQuery(`SELECT id FROM "Call" WHERE id = ANY($1::uuid[]) AND "tenantId" <> $2`, [gilIds, globex]);
    expect(foreign).toEqual([]);
    expect(gil.messages.filter((m) => (m.data as LiveUpdate).type === "presence").length).toBeGreaterThanOrEqual(5);
    expect(gil.errors).toEqual([]);
  });

  it("masks leads a rep may not see, and pops no incoming card for them", async () => {
    const rep = subscribe("rep", `${t.slug}.localhost`);
    await rep.waitFor(isResync);
    const hidden = callView({ direction: "inbound", leadId: managerLead, leadName: "Lead do Gerente" });
    const own = callView({ direction: "inbound", leadId: repLead, leadName: "Lead do Rep" });
    await withTenant(t.id, (db) =>
      publishLive(db, t.id, [
        { type: "incoming", call: hidden },
        { type: "call", call: hidden },
        { type: "incoming", call: own },
        { type: "call", call: own },
      ]),
    );
    await rep.waitFor((d) => (d as LiveUpdate).type === "call" && callIdOf(d) === own.id);
    const updates = rep.messages.map((m) => m.data as LiveStreamMessage).filter((m) => m.type === "call" || m.type === "incoming");
    expect(updates.map((u) => [u.type, callIdOf(u)])).toEqual([
      ["call", hidden.id],
      ["incoming", own.id],
      ["call", own.id],
    ]);
    expect(updates[0]).toMatchObject({ call: { leadId: null, leadName: null } });
    expect(updates[2]).toMatchObject({ call: { leadId: repLead, leadName: "Lead do Rep" } });
  });

  it("refuses a stream without a session, and a session on another tenant's host", async () => {
    const anonymous = subscribe(undefined, "acme.localhost");
    const crossHost = subscribe("gil", "acme.localhost");
    for (const sub of [anonymous, crossHost]) {
      await expect.poll(() => sub.errors.length, { timeout: 5_000 }).toBe(1);
      expect(sub.errors[0]).toMatchObject({ json: { data: { code: "UNAUTHORIZED" } } });
      expect(sub.messages).toEqual([]);
    }
  });
});
