import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAmiServer, type AmiTestServer } from "@/asterisk/testing/ami-server";
import { getDictionary, translateMessage } from "@/lib/i18n";
import { actionsSince, AMI_SECRET, controlTenant, headersOf, type ControlTenant } from "@/server/services/calls/control/control.fixture";
import { trpcError } from "@/server/services/extensions/telephony.fixture";
import { startPbxConnections, stopPbxConnections } from "@/server/services/pbx/ami-connections";
import { ownerQuery } from "@/server/testing/owner-db";

// Conferences through the tRPC router over a real AMI client to the AMI test server (capture 11's
// actions, with our room and context names).

const en = getDictionary("en");
let server: AmiTestServer;
let a: ControlTenant;
let b: ControlTenant;
let tight: ControlTenant; // maxConcurrentCalls 1

beforeAll(async () => {
  server = await startAmiServer({ users: [{ username: "linha", secret: AMI_SECRET }] });
  const ami = { host: server.host, port: server.port };
  [a, b, tight] = await Promise.all([controlTenant(ami), controlTenant(ami), controlTenant(ami, { maxConcurrentCalls: 1 })]);
  await startPbxConnections({
    nodeIds: [a.nodeId!, b.nodeId!, tight.nodeId!],
    client: { initialBackoffMs: 50, maxBackoffMs: 200, keepAliveMs: 0 },
  });
  const deadline = Date.now() + 10_000;
  while (server.connectionCount() < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
});

afterAll(async () => {
  await stopPbxConnections();
  await server?.close();
});

const message = (error: { message: string }) => translateMessage(en, error.message);

async function conferenceRows(tenantId: string) {
  return ownerQuery<{
    id: string;
    code: string;
    title: string;
    endedAt: Date | null;
    startedByUserId: string | null;
    pbxNodeId: string | null;
  }>(`SELECT id, code, title, "endedAt", "startedByUserId", "pbxNodeId" FROM "Conference" WHERE "tenantId" = $1 ORDER BY "startedAt"`, [
    tenantId,
  ]);
}

async function participantRows(conferenceId: string) {
  return ownerQuery<{ id: string; target: string; label: string; state: string; muted: boolean; originateActionId: string | null }>(
    `SELECT id, target, label, state, muted, "originateActionId" FROM "ConferenceParticipant" WHERE "conferenceId" = $1 ORDER BY "createdAt", target`,
    [conferenceId],
  );
}

/** What the ingest does on ConfbridgeJoin: the participant is in the room on this channel. */
async function joined(participantId: string, channel: string) {
  await ownerQuery(`UPDATE "ConferenceParticipant" SET state = 'joined', channel = $2, "joinedAt" = now() WHERE id = $1`, [
    participantId,
    channel,
  ]);
}

describe("conference.start", () => {
  it("commits the conference and its participants, then originates each into t_<slug>_conf,<code>", async () => {
    const committedAtOriginate: number[] = [];
    const stop = server.onAction(async (action) => {
      if (action.action === "Originate") {
        const [row] = await ownerQuery<{ n: number }>(
          `SELECT count(*)::int AS n FROM "ConferenceParticipant" WHERE "originateActionId" = $1`,
          [action.actionId],
        );
        committedAtOriginate.push(row!.n);
      }
      return undefined;
    });
    const from = server.actions.length;
    const view = await a.rep.caller.calls.conference.start({ title: "Reunião de preço", targets: ["1003", "1004", "(11) 98888-7777"] });
    stop();

    const [conference] = (await conferenceRows(a.id)).filter((c) => c.id === view.id);
    expect(conference).toMatchObject({ title: "Reunião de preço", endedAt: null, startedByUserId: a.rep.userId, pbxNodeId: a.nodeId });
    expect(conference!.code).toMatch(/^[0-9]{6}$/);
    const participants = await participantRows(view.id);
    expect(participants.map((p) => [p.target, p.label, p.state])).toEqual([
      ["+5511988887777", "(11) 98888-7777", "calling"],
      ["1003", "Ramal 1003 (1003)", "calling"],
      ["1004", "Ramal 1004 (1004)", "calling"],
    ]);
    expect(view.participants).toHaveLength(3);
    expect(committedAtOriginate).toEqual([1, 1, 1]);

    const originates = actionsSince(server, from, "Originate");
    expect(originates).toHaveLength(3);
    const byTarget = new Map(participants.map((p) => [p.target, p]));
    const expected = (target: string, channel: string, callerId?: string) => ({
      action: "Originate",
      channel,
      context: `t_${a.slug}_conf`,
      exten: conference!.code,
      priority: "1",
      ...(callerId ? { callerid: callerId } : {}),
      timeout: "30000",
      async: "true",
      variable: `LINHA_TENANT=${a.slug},LINHA_CONF=${byTarget.get(target)!.id}`,
    });
    expect(originates.map(headersOf)).toEqual([
      expected("1003", `PJSIP/${a.slug}_1003`, `"Reuniao de preco" <${conference!.code}>`),
      expected("1004", `PJSIP/${a.slug}_1004`, `"Reuniao de preco" <${conference!.code}>`),
      expected("+5511988887777", `Local/+5511988887777@t_${a.slug}_outbound`),
    ]);
    expect(originates.map((o) => o.actionId)).toEqual(["1003", "1004", "+5511988887777"].map((t) => byTarget.get(t)!.originateActionId));
  });

  it("points at each bad target and creates nothing: unknown extension, duplicate, not a number", async () => {
    const before = (await conferenceRows(a.id)).length;
    const from = server.actions.length;
    const error = await trpcError(a.rep.caller.calls.conference.start({ title: "X", targets: ["1003", "1099", "1003", "12345678"] }));
    expect(error.code).toBe("BAD_REQUEST");
    const fieldErrors = (error.cause as { details?: { fieldErrors?: Record<string, string[]> } }).details?.fieldErrors ?? {};
    expect(Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k, v.map((m) => translateMessage(en, m))]))).toEqual({
      "targets.1": ["Extension 1099 does not exist."],
      "targets.2": ["1003 is listed more than once."],
      "targets.3": ["12345678 is neither an extension nor a valid phone number."],
    });
    expect(await conferenceRows(a.id)).toHaveLength(before);
    expect(actionsSince(server, from)).toHaveLength(0);
  });

  it("external legs count toward the plan's concurrent calls", async () => {
    const from = server.actions.length;
    const error = await trpcError(
      tight.rep.caller.calls.conference.start({ title: "Dois de fora", targets: ["+5511988887777", "+5521988887777"] }),
    );
    expect(message(error)).toBe("Your plan allows 1 simultaneous calls and all are in use. Wait for one to end.");
    expect(await conferenceRows(tight.id)).toHaveLength(0);
    expect(actionsSince(server, from)).toHaveLength(0);
  });

  it("when Asterisk refuses every leg, the participants fail and the conference ends", async () => {
    const stop = server.onAction((action) =>
      action.action === "Originate" ? { response: "Error", message: "Originate failed" } : undefined,
    );
    const error = await trpcError(a.manager.caller.calls.conference.start({ title: "Falha", targets: ["1003", "1004"] }));
    stop();
    expect(message(error)).toBe("The phone system refused the call: Originate failed");
    const [conference] = (await conferenceRows(a.id)).filter((c) => c.title === "Falha");
    expect(conference!.endedAt).not.toBeNull();
    expect((await participantRows(conference!.id)).map((p) => p.state)).toEqual(["failed", "failed"]);
  });
});

describe("conference control", () => {
  async function running(tenant: ControlTenant) {
    const view = await tenant.rep.caller.calls.conference.start({ title: "Sala", targets: ["1003", "1004"] });
    const [conference] = (await conferenceRows(tenant.id)).filter((c) => c.id === view.id);
    const participants = await participantRows(view.id);
    const room = `${tenant.slug}_conf_${conference!.code}`;
    return { view, code: conference!.code, participants, room };
  }

  it("mute and unmute address the participant's channel in the room; muted is written after Asterisk's Success", async () => {
    const { view, participants, room } = await running(a);
    const [first] = participants;
    const channel = `PJSIP/${a.slug}_1003-00000017`;
    await joined(first!.id, channel);
    server.setConference(room, [
      [
        ["Event", "ConfbridgeList"],
        ["Conference", room],
        ["Channel", channel],
      ],
    ]);

    let from = server.actions.length;
    const muted = await a.rep.caller.calls.conference.mute({ conferenceId: view.id, participantId: first!.id, muted: true });
    expect(headersOf(actionsSince(server, from, "ConfbridgeMute")[0]!)).toEqual({ action: "ConfbridgeMute", conference: room, channel });
    expect(muted.participants.find((p) => p.id === first!.id)?.muted).toBe(true);

    from = server.actions.length;
    await a.rep.caller.calls.conference.mute({ conferenceId: view.id, participantId: first!.id, muted: false });
    expect(headersOf(actionsSince(server, from, "ConfbridgeUnmute")[0]!)).toEqual({
      action: "ConfbridgeUnmute",
      conference: room,
      channel,
    });
    expect((await participantRows(view.id)).find((p) => p.id === first!.id)?.muted).toBe(false);

    // Asterisk no longer has the channel in the room: refused, nothing written.
    server.setConference(room, [
      [
        ["Event", "ConfbridgeList"],
        ["Conference", room],
        ["Channel", "PJSIP/other-1"],
      ],
    ]);
    const error = await trpcError(a.rep.caller.calls.conference.mute({ conferenceId: view.id, participantId: first!.id, muted: true }));
    expect(message(error)).toBe("The phone system refused the command: No Channel by that name found in Conference.");
    expect((await participantRows(view.id)).find((p) => p.id === first!.id)?.muted).toBe(false);

    // A participant still ringing cannot be muted yet.
    from = server.actions.length;
    const ringing = await trpcError(
      a.rep.caller.calls.conference.mute({ conferenceId: view.id, participantId: participants[1]!.id, muted: true }),
    );
    expect(message(ringing)).toBe("Ramal 1004 (1004) hasn't joined the conference yet.");
    expect(actionsSince(server, from)).toHaveLength(0);
  });

  it("kick removes one participant; end kicks everyone and closes the conference", async () => {
    const { view, participants, room } = await running(a);
    const channel = `PJSIP/${a.slug}_1004-00000018`;
    await joined(participants[1]!.id, channel);
    server.setConference(room, [
      [
        ["Event", "ConfbridgeList"],
        ["Conference", room],
        ["Channel", channel],
      ],
    ]);
    let from = server.actions.length;
    await a.rep.caller.calls.conference.kick({ conferenceId: view.id, participantId: participants[1]!.id });
    expect(headersOf(actionsSince(server, from, "ConfbridgeKick")[0]!)).toEqual({ action: "ConfbridgeKick", conference: room, channel });

    from = server.actions.length;
    const ended = await a.rep.caller.calls.conference.end({ conferenceId: view.id });
    expect(headersOf(actionsSince(server, from, "ConfbridgeKick")[0]!)).toEqual({
      action: "ConfbridgeKick",
      conference: room,
      channel: "all",
    });
    expect(ended.endedAt).not.toBeNull();
    expect(ended.participants.map((p) => p.state)).toEqual(["failed", "left"]);
    expect(message(await trpcError(a.rep.caller.calls.conference.end({ conferenceId: view.id })))).toBe(
      "This conference has already ended.",
    );
  });

  it("add rings one more target; a target already in the room is refused", async () => {
    const { view } = await running(a);
    const from = server.actions.length;
    const added = await a.rep.caller.calls.conference.add({ conferenceId: view.id, target: "1001" });
    expect(added.participants.map((p) => p.target)).toEqual(["1003", "1004", "1001"]);
    const [originate] = actionsSince(server, from, "Originate");
    expect(originate!.fields.channel).toBe(`PJSIP/${a.slug}_1001`);
    const duplicate = await trpcError(a.rep.caller.calls.conference.add({ conferenceId: view.id, target: "1004" }));
    expect(message(duplicate)).toBe("1004 is listed more than once.");
  });

  it("another tenant's conference is not found; a rep controls only the conferences they started; a manager any", async () => {
    const { view, participants } = await running(a);
    const from = server.actions.length;
    for (const attempt of [
      () => b.manager.caller.calls.conference.get({ conferenceId: view.id }),
      () => b.manager.caller.calls.conference.end({ conferenceId: view.id }),
      () => b.manager.caller.calls.conference.kick({ conferenceId: view.id, participantId: participants[0]!.id }),
      () => b.manager.caller.calls.conference.mute({ conferenceId: view.id, participantId: participants[0]!.id, muted: true }),
      () => b.manager.caller.calls.conference.add({ conferenceId: view.id, target: "1001" }),
    ]) {
      expect((await trpcError(attempt())).code).toBe("NOT_FOUND");
    }
    expect((await b.manager.caller.calls.conference.list({})).map((c) => c.id)).not.toContain(view.id);
    const notStarter = await trpcError(a.rep2.caller.calls.conference.end({ conferenceId: view.id }));
    expect([notStarter.code, message(notStarter)]).toEqual([
      "FORBIDDEN",
      "Only whoever started the conference, or a manager, can control it.",
    ]);
    expect(actionsSince(server, from)).toHaveLength(0);
    expect((await a.rep2.caller.calls.conference.get({ conferenceId: view.id })).id).toBe(view.id);
    expect((await a.manager.caller.calls.conference.end({ conferenceId: view.id })).endedAt).not.toBeNull();
    expect((await trpcError(a.support.calls.conference.start({ title: "S", targets: ["1003", "1004"] }))).code).toBe("FORBIDDEN");
  });
});
