import type pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startAmiServer, type AmiTestServer } from "@/asterisk/testing/ami-server";
import { getDictionary, translateMessage } from "@/lib/i18n";
import type { LiveEnvelope } from "@/server/services/calls/live-publish";
import { trpcError } from "@/server/services/extensions/telephony.fixture";
import { insertMember } from "@/server/services/plans/throwaway-tenant.fixture";
import { startPbxConnections, stopPbxConnections } from "@/server/services/pbx/ami-connections";
import { ownerPool, ownerQuery } from "@/server/testing/owner-db";
import { AppError } from "@/server/errors";
import {
  actionRequest,
  actionsSince,
  AMI_SECRET,
  callRows,
  controlTenant,
  endCalls,
  headersOf,
  insertExtension,
  insertLead,
  insertLiveCall,
  insertOpportunity,
  insertTask,
  type ControlTenant,
} from "./control.fixture";
import { placeCallForRequest } from "./place-call";

// Click-to-call end to end below the browser: the placeCall action's service over a real AMI
// client to the AMI test server, against the real database.

const en = getDictionary("en");
let server: AmiTestServer;
let a: ControlTenant; // pro-like plan: 5 calls
let b: ControlTenant; // another tenant on the same PBX
let noNode: ControlTenant;
let downNode: ControlTenant;
let limited: ControlTenant; // maxConcurrentCalls 1
let listener: pg.PoolClient;
const published: LiveEnvelope[] = [];

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

const text = (error: Error) => translateMessage(en, error.message);

beforeAll(async () => {
  server = await startAmiServer({ users: [{ username: "linha", secret: AMI_SECRET }] });
  const closed = await startAmiServer();
  const closedPort = closed.port;
  await closed.close();
  const ami = { host: server.host, port: server.port };
  [a, b, noNode, downNode, limited] = await Promise.all([
    controlTenant(ami, { maxConcurrentCalls: 5, features: ["monitoring"] }),
    controlTenant(ami),
    controlTenant(null),
    controlTenant({ host: "127.0.0.1", port: closedPort }),
    controlTenant(ami, { maxConcurrentCalls: 1 }),
  ]);
  listener = await ownerPool().connect();
  listener.on("notification", (message) => {
    if (message.channel === "linha_live" && message.payload) published.push(JSON.parse(message.payload) as LiveEnvelope);
  });
  await listener.query("LISTEN linha_live");
  const nodeIds = [a, b, downNode, limited].map((t) => t.nodeId!);
  await startPbxConnections({ nodeIds, client: { initialBackoffMs: 50, maxBackoffMs: 200, keepAliveMs: 0 } });
  const deadline = Date.now() + 10_000;
  while (server.connectionCount() < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
});

afterAll(async () => {
  await stopPbxConnections();
  await listener?.query("UNLISTEN linha_live").catch(() => undefined);
  listener?.release();
  await server?.close();
});

beforeEach(async () => {
  await Promise.all([a, b, limited].map((t) => endCalls(t.id)));
});

describe("placeCall: the Originate", () => {
  it("commits the Call row, then sends ONE well-formed Originate whose ActionID is the row's", async () => {
    const leadId = await insertLead(a.id, { name: "João Simões", phone: "+5511987654321", ownerId: a.rep.membershipId });
    const seenAtOriginate: Array<Awaited<ReturnType<typeof callRows>>> = [];
    const stop = server.onAction(async (action) => {
      if (action.action === "Originate") seenAtOriginate.push(await callRows(a.id));
      return undefined;
    });
    const from = server.actions.length;
    const { callId } = await placeCallForRequest(a.rep.request, { leadId });
    stop();

    const originates = actionsSince(server, from, "Originate");
    expect(originates).toHaveLength(1);
    const [row] = (await callRows(a.id)).filter((r) => r.id === callId);
    expect(row).toMatchObject({
      state: "originating",
      direction: "outbound",
      fromNumber: "1003",
      toNumber: "+5511987654321",
      extensionNumber: "1003",
      userId: a.rep.userId,
      userName: `User ${a.rep.email}`,
      leadId,
      pbxNodeId: a.nodeId,
      linkedId: null,
    });
    expect(row!.originateActionId).toMatch(/^c2c-[0-9a-f-]{36}$/);
    // Committed (visible to another connection) when Asterisk got the action.
    expect(seenAtOriginate[0]!.map((r) => r.id)).toContain(callId);
    expect(originates[0]!.actionId).toBe(row!.originateActionId);
    expect(headersOf(originates[0]!)).toEqual({
      action: "Originate",
      channel: `PJSIP/${a.slug}_1003`,
      context: `t_${a.slug}_outbound`,
      exten: "+5511987654321",
      priority: "1",
      callerid: '"Joao Simoes" <+5511987654321>',
      timeout: "30000",
      async: "true",
      variable: `LINHA_CALL_ID=${callId},LINHA_TENANT=${a.slug},LINHA_LEAD=${leadId},BRIDGE_FEATURES=T`,
    });
    // The board hears about the call as soon as it is committed.
    await expect
      .poll(() => published.flatMap((e) => (e.tenantId === a.id ? e.updates : [])))
      .toContainEqual(
        expect.objectContaining({
          type: "call",
          call: expect.objectContaining({ id: callId, state: "originating", leadName: "João Simões" }),
        }),
      );
  });

  it("resolves an opportunity, a call task and an earlier call to the lead's number", async () => {
    const leadId = await insertLead(a.id, { name: "Maria", phone: "+5521998887766", ownerId: a.rep.membershipId });
    const opportunityId = await insertOpportunity(a.id, leadId, a.rep.membershipId);
    const taskId = await insertTask(a.id, { type: "call", opportunityId, assigneeId: a.rep.membershipId });
    const earlier = await insertLiveCall(a, a.rep, "ended");
    await ownerQuery(`UPDATE "Call" SET "leadId" = $1 WHERE id = $2`, [leadId, earlier.id]);
    const inbound = await insertLiveCall(a, a.rep, "ended");
    await ownerQuery(`UPDATE "Call" SET direction = 'inbound', "fromNumber" = '5531988776655', "toNumber" = '1003' WHERE id = $1`, [
      inbound.id,
    ]);

    for (const [input, exten, lead] of [
      [{ opportunityId }, "+5521998887766", leadId],
      [{ taskId }, "+5521998887766", leadId],
      [{ callId: earlier.id }, "+5521998887766", leadId],
      [{ callId: inbound.id }, "+5531988776655", null],
    ] as const) {
      const from = server.actions.length;
      const { callId } = await placeCallForRequest(a.rep.request, input);
      const [originate] = actionsSince(server, from, "Originate");
      expect(originate!.fields.exten).toBe(exten);
      const [row] = (await callRows(a.id)).filter((r) => r.id === callId);
      expect(row!.leadId).toBe(lead);
      await endCalls(a.id);
    }
    // A task that is not a call has nothing to dial.
    const todo = await insertTask(a.id, { type: "todo", leadId, assigneeId: a.rep.membershipId });
    expect(text(await refusal(placeCallForRequest(a.rep.request, { taskId: todo })))).toBe("There is no one to call from this record.");
  });

  it("is the same through trpc.calls.control.place, and refused to a read-only support session", async () => {
    const leadId = await insertLead(a.id, { ownerId: null });
    const from = server.actions.length;
    const { callId } = await a.manager.caller.calls.control.place({ leadId });
    expect(actionsSince(server, from, "Originate")).toHaveLength(1);
    expect((await callRows(a.id)).find((r) => r.id === callId)?.extensionNumber).toBe("1002");
    await endCalls(a.id);
    const error = await trpcError(a.support.calls.control.place({ leadId }));
    expect(error.code).toBe("FORBIDDEN");
    expect(actionsSince(server, from, "Originate")).toHaveLength(1);
  });

  it("marks the row failed and says why when Asterisk refuses the Originate", async () => {
    const leadId = await insertLead(a.id, { ownerId: a.rep.membershipId });
    const stop = server.onAction((action) =>
      action.action === "Originate" ? { response: "Error", message: "Originate failed" } : undefined,
    );
    const error = await refusal(placeCallForRequest(a.rep.request, { leadId }));
    stop();
    expect(error.code).toBe("CONFLICT");
    expect(text(error)).toBe("The phone system refused the call: Originate failed");
    const rows = (await callRows(a.id)).filter((r) => r.leadId === leadId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: "ended", disposition: "failed" });
  });
});

describe("placeCall: refusals (nothing written, nothing sent)", () => {
  async function expectRefused(tenant: ControlTenant, promise: Promise<unknown>, code: string, message: string) {
    const before = (await callRows(tenant.id)).length;
    const from = server.actions.length;
    const error = await refusal(promise);
    expect(error.code).toBe(code);
    expect(text(error)).toBe(message);
    expect(actionsSince(server, from, "Originate")).toHaveLength(0);
    expect(await callRows(tenant.id)).toHaveLength(before);
  }

  it("a member without an extension, a disabled one, an offline one", async () => {
    const leadId = await insertLead(a.id);
    const loner = await insertMember(a.id, "rep");
    await expectRefused(
      a,
      placeCallForRequest(actionRequest(loner.email, loner.userId, a.slug), { leadId }),
      "CONFLICT",
      "You don't have an extension. Ask an admin to create one for you under Telephony.",
    );
    const offline = await insertMember(a.id, "rep");
    await insertExtension(a.id, "2001", { membershipId: offline.membershipId, registered: false });
    await expectRefused(
      a,
      placeCallForRequest(actionRequest(offline.email, offline.userId, a.slug), { leadId }),
      "CONFLICT",
      "Your extension 2001 is offline — open your softphone or check your phone and try again.",
    );
    const disabled = await insertMember(a.id, "rep");
    await insertExtension(a.id, "2002", { membershipId: disabled.membershipId, enabled: false });
    await expectRefused(
      a,
      placeCallForRequest(actionRequest(disabled.email, disabled.userId, a.slug), { leadId }),
      "CONFLICT",
      "Your extension 2002 is disabled. Ask an admin to enable it.",
    );
  });

  // An unroutable number cannot be arranged here: the seed's operator routes include a catch-all
  // `_+X.` that other files rely on. routability.test.ts covers the refusal on the tester's answer.
  it("a lead without a phone, or with something that is not a phone number", async () => {
    const noPhone = await insertLead(a.id, { name: "Sem Fone", phone: null });
    await expectRefused(a, placeCallForRequest(a.admin.request, { leadId: noPhone }), "CONFLICT", "Sem Fone has no phone number.");
    const garbage = await insertLead(a.id, { phone: "+5510999999999" });
    await expectRefused(
      a,
      placeCallForRequest(a.admin.request, { leadId: garbage }),
      "INVALID_INPUT",
      "+5510999999999 is not a valid phone number.",
    );
  });

  it("a tenant without a PBX node, and a node whose AMI is not connected", async () => {
    await expectRefused(
      noNode,
      placeCallForRequest(noNode.rep.request, { leadId: await insertLead(noNode.id) }),
      "PBX_UNAVAILABLE",
      "Your company doesn't have a phone system yet. Contact support.",
    );
    await expectRefused(
      downNode,
      placeCallForRequest(downNode.rep.request, { leadId: await insertLead(downNode.id) }),
      "PBX_UNAVAILABLE",
      "The phone system is disconnected right now. Try again in a moment.",
    );
  });

  it("the plan's concurrent-call limit, and a rep already on a call", async () => {
    const leadId = await insertLead(limited.id);
    await insertLiveCall(limited, limited.manager, "answered");
    await expectRefused(
      limited,
      placeCallForRequest(limited.rep.request, { leadId }),
      "LIMIT_REACHED",
      "Your plan allows 1 simultaneous calls and all are in use. Wait for one to end.",
    );
    await insertLiveCall(a, a.rep2, "ringing");
    await expectRefused(
      a,
      placeCallForRequest(a.rep2.request, { leadId: await insertLead(a.id) }),
      "CONFLICT",
      "You are already on a call. End it before placing another.",
    );
  });

  it("what the rep may not see: a colleague's lead, another tenant's lead, opportunity, task or call", async () => {
    const colleagues = await insertLead(a.id, { ownerId: a.rep2.membershipId });
    await expectRefused(a, placeCallForRequest(a.rep.request, { leadId: colleagues }), "NOT_FOUND", "Not found.");
    const theirs = await insertLead(b.id);
    const theirOpportunity = await insertOpportunity(b.id, theirs);
    const theirTask = await insertTask(b.id, { type: "call", leadId: theirs });
    const theirCall = await insertLiveCall(b, b.rep, "ended");
    for (const input of [{ leadId: theirs }, { opportunityId: theirOpportunity }, { taskId: theirTask }, { callId: theirCall.id }]) {
      await expectRefused(a, placeCallForRequest(a.admin.request, input), "NOT_FOUND", "Not found.");
    }
    // The Host decides the tenant: a session of tenant A on tenant B's host is not a member there.
    const wrongHost = { ...a.admin.request, target: { kind: "tenant" as const, slug: b.slug } };
    expect((await refusal(placeCallForRequest(wrongHost, { leadId: theirs }))).code).toBe("UNAUTHORIZED");
  });
});

describe("placeCall: concurrency and hostile input", () => {
  it("two clicks at the limit at once: exactly one call is placed", async () => {
    const [leadOne, leadTwo] = await Promise.all([insertLead(limited.id), insertLead(limited.id)]);
    const from = server.actions.length;
    const results = await Promise.allSettled([
      placeCallForRequest(limited.rep.request, { leadId: leadOne }),
      placeCallForRequest(limited.manager.request, { leadId: leadTwo }),
    ]);
    const passed = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(passed).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0]!.reason as AppError).code).toBe("LIMIT_REACHED");
    expect(actionsSince(server, from, "Originate")).toHaveLength(1);
    expect((await callRows(limited.id)).filter((r) => r.state !== "ended")).toHaveLength(1);
  });

  it("a lead named to inject AMI headers cannot: the CallerID is allow-listed and nothing else is sent", async () => {
    const { hostileStrings } = await import("@/lib/telephony/hostile-strings");
    const names = [
      "x\r\nAction: Hangup\r\nChannel: PJSIP/acme_1001",
      'Ana"\r\n\r\nAction: Originate',
      ...hostileStrings(20, 7, "Lead"),
    ].filter(
      (name) => !name.includes("\u0000"), // PostgreSQL text cannot hold NUL: no lead can be named so
    );
    for (const name of names) {
      const leadId = await insertLead(a.id, { name, ownerId: a.rep.membershipId });
      const from = server.actions.length;
      await placeCallForRequest(a.rep.request, { leadId });
      const sent = actionsSince(server, from);
      expect(sent.map((x) => x.action)).toEqual(["Originate"]);
      const callerId = sent[0]!.fields.callerid as string;
      expect(callerId).toMatch(/^(?:"[A-Za-z0-9 ._'-]{1,40}" )?<\+5511987654321>$/);
      expect(Object.keys(sent[0]!.fields).sort()).toEqual(
        ["action", "actionid", "async", "callerid", "channel", "context", "exten", "priority", "timeout", "variable"].sort(),
      );
      await endCalls(a.id);
    }
  });
});
