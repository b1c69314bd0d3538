import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packetHeader, withHeader } from "@/asterisk/testing/capture-rewrite";
import { pjsipShowEndpointsItems, PJSIP_SHOW_ENDPOINTS_MESSAGE } from "@/asterisk/testing/ami-pjsip";
import { startAmiServer, type AmiTestServer } from "@/asterisk/testing/ami-server";
import type { LiveEnvelope } from "@/server/services/calls/live-publish";
import { assignPbxNode } from "@/server/services/extensions/telephony.fixture";
import { insertPlan, insertTenant } from "@/server/services/plans/throwaway-tenant.fixture";
import { startPbxConnections, stopPbxConnections } from "@/server/services/pbx/ami-connections";
import { ownerPool, ownerQuery } from "@/server/testing/owner-db";
import { flushCallIngest, ingestStats, reconcileCallIngest, startCallIngest, stopCallIngest } from "./call-ingest";
import {
  activitiesOf,
  callsOf,
  clickToCallRow,
  ingestTenant,
  LAB_NUMBERS,
  replayLab,
  token,
  until,
  type IngestTestTenant,
  type LabRewrite,
} from "./ingest.fixture";

// The recorded Asterisk traffic replayed over real TCP (AMI test server → real AMI client → the
// node's ingest → PostgreSQL), with the lab tenants renamed to tenants of this file's own.

let server: AmiTestServer;
let dir: string;
let nodeId: string;
let listener: pg.PoolClient;
const published: LiveEnvelope[] = [];

const ingest = {
  eventsIn: () => ingestStats().find((stats) => stats.nodeId === nodeId)?.eventsIn ?? 0,
  flush: flushCallIngest,
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "linha-ingest-"));
  server = await startAmiServer({ users: [{ username: "linha", secret: "ingest-secret" }], capturesDir: dir });
  const tenant = await insertTenant((await insertPlan()).id);
  nodeId = await assignPbxNode(tenant.id, { host: server.host, port: server.port, secret: "ingest-secret" });
  listener = await ownerPool().connect();
  listener.on("notification", (message) => {
    if (message.channel === "linha_live" && message.payload) published.push(JSON.parse(message.payload) as LiveEnvelope);
  });
  await listener.query("LISTEN linha_live");
  await startPbxConnections({ nodeIds: [nodeId], client: { initialBackoffMs: 50, maxBackoffMs: 200, keepAliveMs: 0 } });
  await startCallIngest({ nodeIds: [nodeId], lockRetryMs: 200 });
  await until(() => server.actions.some((action) => action.action.toLowerCase() === "coreshowchannels"), 10_000, "ingest reconciled");
});

afterAll(async () => {
  await stopCallIngest();
  await stopPbxConnections();
  await listener?.query("UNLISTEN linha_live").catch(() => undefined);
  listener?.release();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The capture's click-to-call variables and ActionID pointed at rows of the tenant. */
function clickToCall(tenant: IngestTestTenant, row: { id: string; actionId: string }, labCallId: string, labActionId: string): LabRewrite {
  return {
    acme: tenant.slug,
    replace: [
      [token(labCallId), row.id],
      [token(labActionId), row.actionId],
      [/(LINHA_LEAD(?:=|\r\nValue: ))l-[0-9]+/g, `$1${tenant.leads[LAB_NUMBERS.lead]}`],
    ],
  };
}

const updatesOf = (tenantId: string) =>
  published.filter((envelope) => envelope.tenantId === tenantId).flatMap((envelope) => envelope.updates);

/** NOTIFYs reach the listening connection shortly after their commit: wait for the one that says it ended. */
const publishedEnd = (tenantId: string) =>
  until(
    () =>
      updatesOf(tenantId).some(
        (update) =>
          (update.type === "call" && update.call.state === "ended") || (update.type === "conference" && update.conference.endedAt),
      ),
    5_000,
    "the end published",
  );

describe("click-to-call captures", () => {
  it("02 answered: binds the call control row, fills user, lead, times and billsec, logs one activity", async () => {
    const tenant = await ingestTenant(nodeId);
    const row = await clickToCallRow(tenant, nodeId);
    await replayLab(server, dir, "02-c2c-answered", clickToCall(tenant, row, "c-123", "c2c-0002"), ingest);

    const calls = await callsOf(tenant.id);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call).toMatchObject({
      id: row.id,
      linkedId: "1795220605.0",
      direction: "outbound",
      state: "ended",
      toNumber: "5511999990000",
      extensionNumber: "1001",
      userId: tenant.members["1001"]!.userId,
      userName: tenant.members["1001"]!.userName,
      leadId: tenant.leads[LAB_NUMBERS.lead],
      gatewayName: "carrier",
      disposition: "answered",
      billsec: 6,
      hangupCause: 16,
      originateActionId: row.actionId,
    });
    expect(call!.answeredAt).not.toBeNull();
    expect(call!.endedAt!.getTime()).toBeGreaterThanOrEqual(call!.answeredAt!.getTime());

    const activities = await activitiesOf(tenant.id);
    expect(activities).toEqual([
      expect.objectContaining({
        id: call!.activityId,
        kind: "call",
        leadId: tenant.leads[LAB_NUMBERS.lead],
        actorUserId: tenant.members["1001"]!.userId,
        data: { outcome: "connected", durationSec: 6, callId: row.id, direction: "outbound", disposition: "answered" },
      }),
    ]);
    const [lead] = await ownerQuery<{ lastContactAt: Date | null }>(`SELECT "lastContactAt" FROM "Lead" WHERE id = $1`, [call!.leadId]);
    expect(lead!.lastContactAt).not.toBeNull();

    // Live: the same call id throughout, ending ended; never an incoming pop for an outbound call.
    await publishedEnd(tenant.id);
    const updates = updatesOf(tenant.id);
    expect(updates.every((update) => update.type === "call" && update.call.id === row.id)).toBe(true);
    expect(updates.at(-1)).toMatchObject({
      type: "call",
      call: { id: row.id, state: "ended", disposition: "answered", leadId: call!.leadId },
    });
  });

  it("03 rep never answers: the row ends agent_missed and nothing lands on the lead's timeline", async () => {
    const tenant = await ingestTenant(nodeId);
    const row = await clickToCallRow(tenant, nodeId);
    await replayLab(server, dir, "03-c2c-rep-no-answer", clickToCall(tenant, row, "c-123", "c2c-0003"), ingest);

    const calls = await callsOf(tenant.id);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ id: row.id, linkedId: "1795220616.3", state: "ended", disposition: "agent_missed", answeredAt: null });
    expect(await activitiesOf(tenant.id)).toEqual([]);
  });

  it("an OriginateResponse Failure with no channel events ends the row found by its ActionID", async () => {
    const tenant = await ingestTenant(nodeId);
    const row = await clickToCallRow(tenant, nodeId);
    const before = ingest.eventsIn();
    // Capture 03's OriginateResponse, as Asterisk sends it when the first leg never comes up.
    server.emit([
      ["Event", "OriginateResponse"],
      ["Privilege", "call,all"],
      ["ActionID", row.actionId],
      ["Response", "Failure"],
      ["Channel", `PJSIP/${tenant.slug}_1001`],
      ["Context", `t_${tenant.slug}_outbound`],
      ["Exten", "5511999990000"],
      ["Reason", "3"],
      ["Uniqueid", "<unknown>"],
      ["CallerIDNum", "5511999990000"],
      ["CallerIDName", "Lead"],
    ]);
    await until(() => ingest.eventsIn() > before);
    await flushCallIngest();
    const calls = await callsOf(tenant.id);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ id: row.id, linkedId: null, state: "ended", disposition: "agent_missed" });
    expect(await activitiesOf(tenant.id)).toEqual([]);
  });

  it("04 carrier busy: busy, cause 17, lead matched by number, outcome busy", async () => {
    const tenant = await ingestTenant(nodeId);
    // No row of call control: the events alone make the call (LINHA_CALL_ID c-123 is no row: ignored).
    await replayLab(server, dir, "04-c2c-carrier-busy", { acme: tenant.slug }, ingest);
    const calls = await callsOf(tenant.id);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      linkedId: "1795220641.4",
      direction: "outbound",
      state: "ended",
      toNumber: "5511999990000",
      extensionNumber: "1001",
      userId: tenant.members["1001"]!.userId,
      leadId: tenant.leads[LAB_NUMBERS.lead],
      disposition: "busy",
      hangupCause: 17,
      answeredAt: null,
      billsec: 0,
    });
    const activities = await activitiesOf(tenant.id);
    expect(activities).toHaveLength(1);
    expect(activities[0]!.data).toMatchObject({ outcome: "busy", durationSec: 0, disposition: "busy", callId: calls[0]!.id });
  });

  it("05 carrier never answers: no_answer, outcome no_answer", async () => {
    const tenant = await ingestTenant(nodeId);
    await replayLab(server, dir, "05-c2c-carrier-no-answer", { acme: tenant.slug }, ingest);
    const calls = await callsOf(tenant.id);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ linkedId: "1795220646.8", state: "ended", disposition: "no_answer", answeredAt: null, billsec: 0 });
    const activities = await activitiesOf(tenant.id);
    expect(activities.map((a) => a.data.outcome)).toEqual(["no_answer"]);
  });
});

describe("inbound and internal captures", () => {
  it("06 inbound DID: attributed by the Tenantid gained mid-call, answered by 1002, the lead pops as incoming", async () => {
    const tenant = await ingestTenant(nodeId);
    // At the recorded pace (eight times faster), so the second of ringing is a flush of its own.
    await replayLab(server, dir, "06-inbound-did", { acme: tenant.slug }, ingest, { realtime: true, speed: 8 });
    const calls = await callsOf(tenant.id);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      linkedId: "1795220681.12",
      direction: "inbound",
      state: "ended",
      fromNumber: "5511988887777",
      extensionNumber: "1002",
      userId: tenant.members["1002"]!.userId,
      leadId: tenant.leads[LAB_NUMBERS.inboundCaller],
      gatewayName: "carrier",
      disposition: "answered",
      billsec: 6,
    });
    const activities = await activitiesOf(tenant.id);
    expect(activities).toHaveLength(1);
    expect(activities[0]).toMatchObject({ leadId: tenant.leads[LAB_NUMBERS.inboundCaller], actorUserId: tenant.members["1002"]!.userId });
    expect(activities[0]!.data).toMatchObject({ outcome: "connected", direction: "inbound", durationSec: 6 });

    await publishedEnd(tenant.id);
    const incoming = updatesOf(tenant.id).filter((update) => update.type === "incoming");
    expect(incoming).toHaveLength(1);
    expect(incoming[0]).toMatchObject({ call: { id: calls[0]!.id, state: "ringing", leadId: tenant.leads[LAB_NUMBERS.inboundCaller] } });
  });

  it("06 rewritten as a ring-all group (1002 and 1003 ring, 1002 answers): one call, on 1002", async () => {
    const tenant = await ingestTenant(nodeId);
    const callee = `PJSIP/${tenant.slug}_1002-00000008`;
    const twin = `PJSIP/${tenant.slug}_1003-000000f8`;
    let ringing = true;
    let twinDialState: string | null = null;
    const cloneFor1003 = (packet: string) =>
      packet
        .split(callee)
        .join(twin)
        .split("1795229681.13")
        .join("1795229681.99")
        .replace(/^(CallerIDNum|DestCallerIDNum|ConnectedLineNum): 1002$/gm, "$1: 1003")
        .replace(/\r\n(DestExten|Exten): 1002\r\n/g, "\r\n$1: 1003\r\n");
    await replayLab(
      server,
      dir,
      "06-inbound-did",
      {
        acme: tenant.slug,
        // Another linkedid than the plain 06 replay above: (node, linkedid) is one call.
        replace: [["1795220681.", "1795229681."]],
        // Dial(PJSIP/…_1002&PJSIP/…_1003): every event of the 1002 leg until it answers happens to a
        // twin 1003 leg too; when 1002 answers, Dial cancels the twin (DialEnd CANCEL, Hangup 26).
        transform: (packet) => {
          if (!ringing || !packet.includes(callee)) return packet;
          const event = packetHeader(packet, "Event");
          if (event === "Newstate" && packetHeader(packet, "ChannelStateDesc") === "Up") {
            ringing = false;
            const hangup = withHeader(
              cloneFor1003(packet).replace(/^Event: Newstate/, "Event: Hangup"),
              "ChannelStateDesc",
              "Ringing",
            ).replace(/^ChannelState: 6$/m, "ChannelState: 5");
            const cancel = twinDialState
              ? [withHeader(twinDialState.replace(/^Event: DialState/, "Event: DialEnd"), "DialStatus", "CANCEL")]
              : [];
            return [packet, ...cancel, hangup + "\r\nCause: 26\r\nCause-txt: Answered elsewhere"];
          }
          const clone = cloneFor1003(packet);
          if (event === "DialState") twinDialState = clone;
          return [packet, clone];
        },
      },
      ingest,
    );
    expect(twinDialState).not.toBeNull();
    const calls = await callsOf(tenant.id);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      linkedId: "1795229681.12",
      direction: "inbound",
      state: "ended",
      extensionNumber: "1002",
      userId: tenant.members["1002"]!.userId,
      disposition: "answered",
      leadId: tenant.leads[LAB_NUMBERS.inboundCaller],
    });
    expect(await activitiesOf(tenant.id)).toHaveLength(1);
  });

  it("07 internal call: no lead, no timeline entry", async () => {
    const tenant = await ingestTenant(nodeId);
    await replayLab(server, dir, "07-internal-call", { acme: tenant.slug }, ingest);
    const calls = await callsOf(tenant.id);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      linkedId: "1795220692.15",
      direction: "internal",
      state: "ended",
      fromNumber: "1001",
      toNumber: "1002",
      leadId: null,
      disposition: "answered",
      billsec: 5,
    });
    expect(await activitiesOf(tenant.id)).toEqual([]);
  });
});

describe("transfers", () => {
  it("08 blind transfer (Redirect of the carrier to 1003): one call, transferredTo 1003, one activity", async () => {
    const tenant = await ingestTenant(nodeId);
    const row = await clickToCallRow(tenant, nodeId);
    await replayLab(server, dir, "08-blind-transfer-redirect", clickToCall(tenant, row, "c-123", "c2c-0008"), ingest);
    const calls = await callsOf(tenant.id);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      id: row.id,
      linkedId: "1795220703.18",
      state: "ended",
      disposition: "answered",
      transferredTo: "1003",
      leadId: tenant.leads[LAB_NUMBERS.lead],
      userId: tenant.members["1001"]!.userId,
    });
    const activities = await activitiesOf(tenant.id);
    expect(activities).toHaveLength(1);
    expect(activities[0]!.data).toMatchObject({ callId: row.id, outcome: "connected", durationSec: calls[0]!.billsec });
  });

  it("09 attended transfer (Atxfer to 1003): one call, transferredTo 1003, one activity", async () => {
    const tenant = await ingestTenant(nodeId);
    const row = await clickToCallRow(tenant, nodeId);
    await replayLab(server, dir, "09-attended-transfer-atxfer", clickToCall(tenant, row, "c-124", "c2c-0009"), ingest);
    const calls = await callsOf(tenant.id);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      id: row.id,
      linkedId: "1795220725.23",
      state: "ended",
      disposition: "answered",
      transferredTo: "1003",
    });
    const activities = await activitiesOf(tenant.id);
    expect(activities).toHaveLength(1);
    expect(activities[0]!.data).toMatchObject({ callId: row.id, durationSec: calls[0]!.billsec });
  });
});

describe("conference and two tenants", () => {
  it("11 conference: participants tagged LINHA_CONF join, are muted, leave; the room's end closes the conference", async () => {
    const tenant = await ingestTenant(nodeId);
    const [conference] = await ownerQuery<{ id: string }>(
      `INSERT INTO "Conference" (id, "tenantId", "pbxNodeId", code, title) VALUES (gen_random_uuid(), $1, $2, '123456', 'Reunião') RETURNING id`,
      [tenant.id, nodeId],
    );
    const participant = async (target: string) =>
      (
        await ownerQuery<{ id: string }>(
          `INSERT INTO "ConferenceParticipant" (id, "tenantId", "conferenceId", target, label) VALUES (gen_random_uuid(), $1, $2, $3, $3) RETURNING id`,
          [tenant.id, conference!.id, target],
        )
      )[0]!.id;
    const byChannel: Record<string, string> = {
      [`PJSIP/${tenant.slug}_1001-00000017`]: await participant("1001"),
      [`PJSIP/${tenant.slug}_1002-00000018`]: await participant("1002"),
      [`Local/5511999990000@t_${tenant.slug}_outbound-00000002;1`]: await participant("+5511999990000"),
    };
    await replayLab(
      server,
      dir,
      "11-conference",
      {
        acme: tenant.slug,
        replace: [["acme_room", `${tenant.slug}_conf_123456`]],
        // Call control's Originate sets LINHA_CONF on each participant's channel: Asterisk reports it
        // as a VarSet right after the channel's Newchannel (channelvars would repeat it on every event).
        transform: (packet) => {
          const channel = packetHeader(packet, "Channel");
          if (packetHeader(packet, "Event") !== "Newchannel" || !channel || !byChannel[channel]) return packet;
          const varSet = withHeader(packet.replace(/^Event: Newchannel/, "Event: VarSet"), "Privilege", "dialplan,all");
          return [packet, `${varSet}\r\nVariable: LINHA_CONF\r\nValue: ${byChannel[channel]}`];
        },
      },
      ingest,
      // At the recorded pace (ten times faster): mute and unmute, a second apart, land in separate flushes.
      { realtime: true, speed: 10 },
    );
    const participants = await ownerQuery<{
      id: string;
      state: string;
      channel: string | null;
      joinedAt: Date | null;
      leftAt: Date | null;
    }>(`SELECT id, state::text, channel, "joinedAt", "leftAt" FROM "ConferenceParticipant" WHERE "conferenceId" = $1`, [conference!.id]);
    for (const [channel, id] of Object.entries(byChannel)) {
      expect(participants.find((p) => p.id === id)).toMatchObject({ state: "left", channel });
      expect(participants.find((p) => p.id === id)!.joinedAt).not.toBeNull();
    }
    const [room] = await ownerQuery<{ endedAt: Date | null }>(`SELECT "endedAt" FROM "Conference" WHERE id = $1`, [conference!.id]);
    expect(room!.endedAt).not.toBeNull();
    await publishedEnd(tenant.id);
    const views = updatesOf(tenant.id).filter((update) => update.type === "conference");
    expect(views.some((update) => update.type === "conference" && update.conference.participants.some((p) => p.muted))).toBe(true);
    expect(views.at(-1)).toMatchObject({ type: "conference", conference: { id: conference!.id, endedAt: expect.any(String) } });
    // The reps' legs into the room are not calls; the dial-out to the lead's number is a real (billable)
    // outbound call, and it is on that lead's timeline.
    const calls = await callsOf(tenant.id);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      linkedId: "1795220801.46",
      direction: "outbound",
      toNumber: "5511999990000",
      gatewayName: "carrier",
      state: "ended",
      billsec: 8,
      leadId: tenant.leads[LAB_NUMBERS.lead],
    });
    expect((await activitiesOf(tenant.id)).map((a) => a.leadId)).toEqual([tenant.leads[LAB_NUMBERS.lead]]);
  });

  it("12 two tenants at once: each call lands in its own tenant only, and each tenant is published only its own", async () => {
    const acme = await ingestTenant(nodeId);
    const globex = await ingestTenant(nodeId);
    const acmeRow = await clickToCallRow(acme, nodeId);
    const globexRow = await clickToCallRow(globex, nodeId, { leadPhone: LAB_NUMBERS.globexLead });
    await replayLab(
      server,
      dir,
      "12-two-tenants-concurrent",
      {
        acme: acme.slug,
        globex: globex.slug,
        replace: [
          [token("c-200"), acmeRow.id],
          [token("c-201"), globexRow.id],
          [token("c2c-acme-0012"), acmeRow.actionId],
          [token("c2c-globex-0012"), globexRow.actionId],
        ],
      },
      ingest,
    );
    const acmeCalls = await callsOf(acme.id);
    const globexCalls = await callsOf(globex.id);
    expect(acmeCalls).toHaveLength(1);
    expect(globexCalls).toHaveLength(1);
    expect(acmeCalls[0]).toMatchObject({
      id: acmeRow.id,
      linkedId: "1795220816.58",
      toNumber: "5511999990000",
      state: "ended",
      billsec: 6,
    });
    expect(globexCalls[0]).toMatchObject({
      id: globexRow.id,
      linkedId: "1795220816.57",
      toNumber: "5521988880000",
      state: "ended",
      billsec: 6,
    });
    expect((await activitiesOf(acme.id)).map((a) => a.leadId)).toEqual([acme.leads[LAB_NUMBERS.lead]]);
    expect((await activitiesOf(globex.id)).map((a) => a.leadId)).toEqual([globex.leads[LAB_NUMBERS.globexLead]]);
    await publishedEnd(acme.id);
    await publishedEnd(globex.id);
    const acmeIds = new Set(updatesOf(acme.id).map((update) => ("call" in update ? update.call.id : null)));
    const globexIds = new Set(updatesOf(globex.id).map((update) => ("call" in update ? update.call.id : null)));
    expect([...acmeIds]).toEqual([acmeRow.id]);
    expect([...globexIds]).toEqual([globexRow.id]);
  });
});

describe("presence", () => {
  it("00 registration: phones register with their contact, only changes are written and published; the reconcile reads PJSIPShowEndpoints", async () => {
    const acme = await ingestTenant(nodeId, []);
    const globex = await ingestTenant(nodeId, []);
    await replayLab(server, dir, "00-registration", { acme: acme.slug, globex: globex.slug }, ingest);
    const extensions = async (tenantId: string) =>
      ownerQuery<{ number: string; registered: boolean; contactUri: string | null; registeredChangedAt: Date | null }>(
        `SELECT number, registered, "contactUri", "registeredChangedAt" FROM "Extension" WHERE "tenantId" = $1 ORDER BY number`,
        [tenantId],
      );
    const acmeRows = await extensions(acme.id);
    expect(acmeRows.map(({ number, registered, contactUri }) => ({ number, registered, contactUri }))).toEqual([
      { number: "1001", registered: true, contactUri: "sip:acme_1001@127.0.0.1:5071".replace("acme", acme.slug) },
      { number: "1002", registered: true, contactUri: "sip:acme_1002@127.0.0.1:5072".replace("acme", acme.slug) },
      { number: "1003", registered: true, contactUri: "sip:acme_1003@127.0.0.1:5073".replace("acme", acme.slug) },
    ]);
    expect(acmeRows.every((row) => row.registeredChangedAt !== null)).toBe(true);
    // globex_1001 registered in the same capture: only globex's 1001, nothing of acme's.
    expect((await extensions(globex.id)).map((row) => [row.number, row.registered])).toEqual([
      ["1001", true],
      ["1002", false],
      ["1003", false],
    ]);
    await until(() => updatesOf(acme.id).filter((update) => update.type === "presence").length === 3, 5_000, "presence published");
    expect(updatesOf(globex.id).filter((update) => update.type === "presence")).toEqual([
      { type: "presence", extensionNumber: "1001", registered: true },
    ]);

    // After a reconnect the PBX says 1002 is gone and 1001 moved: written; 1003 unchanged: not touched.
    const changedAt = acmeRows.find((row) => row.number === "1003")!.registeredChangedAt;
    const stop = server.onAction((action) =>
      action.action.toLowerCase() === "pjsipshowendpoints"
        ? {
            message: PJSIP_SHOW_ENDPOINTS_MESSAGE,
            list: {
              complete: "EndpointListComplete",
              items: pjsipShowEndpointsItems([
                { name: `${acme.slug}_1001`, contacts: [{ uri: `sip:${acme.slug}_1001@10.0.0.9:5060` }] },
                { name: `${acme.slug}_1002` },
                { name: `${acme.slug}_1003`, contacts: [{ uri: `sip:${acme.slug}_1003@127.0.0.1:5073` }] },
                { name: "gw_carrier", contacts: [{ uri: "sip:127.0.0.1:5090" }], identifyMatch: ["127.0.0.1:5090/32"] },
              ]),
            },
          }
        : undefined,
    );
    try {
      await reconcileCallIngest(nodeId);
    } finally {
      stop();
    }
    const after = await extensions(acme.id);
    expect(after.map(({ number, registered, contactUri }) => ({ number, registered, contactUri }))).toEqual([
      { number: "1001", registered: true, contactUri: `sip:${acme.slug}_1001@10.0.0.9:5060` },
      { number: "1002", registered: false, contactUri: null },
      { number: "1003", registered: true, contactUri: `sip:${acme.slug}_1003@127.0.0.1:5073` },
    ]);
    expect(after.find((row) => row.number === "1003")!.registeredChangedAt).toEqual(changedAt);
    await until(() => updatesOf(acme.id).filter((update) => update.type === "presence").length === 4, 5_000, "presence change published");
    expect(
      updatesOf(acme.id)
        .filter((update) => update.type === "presence")
        .at(-1),
    ).toEqual({
      type: "presence",
      extensionNumber: "1002",
      registered: false,
    });
  });
});
