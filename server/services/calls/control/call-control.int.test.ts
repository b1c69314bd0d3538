import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAmiServer, type AmiTestServer } from "@/asterisk/testing/ami-server";
import { getDictionary, translateMessage } from "@/lib/i18n";
import { auditOf, trpcError } from "@/server/services/extensions/telephony.fixture";
import { startPbxConnections, stopPbxConnections } from "@/server/services/pbx/ami-connections";
import { ownerQuery } from "@/server/testing/owner-db";
import {
  actionsSince,
  AMI_SECRET,
  callChannels,
  controlTenant,
  headersOf,
  insertExtension,
  insertLiveCall,
  type ControlTenant,
} from "./control.fixture";

// Hang up, transfers and monitoring through the tRPC router, over a real AMI client to the AMI
// test server: who may do what, and the exact actions Asterisk receives (captures 08, 09, 10).

const en = getDictionary("en");
let server: AmiTestServer;
let a: ControlTenant; // plan with monitoring
let b: ControlTenant; // plan without monitoring, same PBX
let seq = 0x10;

beforeAll(async () => {
  server = await startAmiServer({ users: [{ username: "linha", secret: AMI_SECRET }] });
  const ami = { host: server.host, port: server.port };
  [a, b] = await Promise.all([controlTenant(ami, { features: ["monitoring"] }), controlTenant(ami)]);
  await insertExtension(a.id, "1005", { registered: false });
  await startPbxConnections({ nodeIds: [a.nodeId!, b.nodeId!], client: { initialBackoffMs: 50, maxBackoffMs: 200, keepAliveMs: 0 } });
  const deadline = Date.now() + 10_000;
  while (server.connectionCount() < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
});

afterAll(async () => {
  await stopPbxConnections();
  await server?.close();
});

/** A live call of the member with its two channels known to Asterisk. */
async function liveCall(tenant: ControlTenant, member: ControlTenant["rep"], state: "ringing" | "answered" = "answered") {
  const call = await insertLiveCall(tenant, member, state);
  seq += 2;
  const channels = callChannels(tenant.slug, member.extension, call.linkedId, seq);
  return { ...call, ...channels };
}

/** Sets what CoreShowChannels answers: these calls' channels, and a look-alike extension's (1003 vs 10030). */
function onPbx(...calls: Array<{ items: Array<Array<[string, string]>> }>) {
  const decoy = callChannels(a.slug, "10030", "999.1", 0x900);
  server.setChannels([...calls.flatMap((c) => c.items), ...decoy.items]);
}

const message = (error: { message: string }) => translateMessage(en, error.message);

describe("hangup", () => {
  it("hangs up every channel of the rep's own call, the other party first", async () => {
    const call = await liveCall(a, a.rep);
    onPbx(call);
    const from = server.actions.length;
    await expect(a.rep.caller.calls.control.hangup({ callId: call.id })).resolves.toEqual({ ok: true });
    const sent = actionsSince(server, from).map((x) => [x.action, x.fields.channel ?? null]);
    expect(sent).toEqual([
      ["CoreShowChannels", null],
      ["Hangup", call.peer],
      ["Hangup", call.agent],
    ]);
  });

  it("a rep may not hang up a colleague's call; a manager may; another tenant's call is not found", async () => {
    const colleagues = await liveCall(a, a.rep2);
    const theirs = await liveCall(b, b.rep);
    onPbx(colleagues, theirs);
    let from = server.actions.length;
    const forbidden = await trpcError(a.rep.caller.calls.control.hangup({ callId: colleagues.id }));
    expect(forbidden.code).toBe("FORBIDDEN");
    expect(message(forbidden)).toBe("You can only control your own calls.");
    const foreign = await trpcError(a.manager.caller.calls.control.hangup({ callId: theirs.id }));
    expect(foreign.code).toBe("NOT_FOUND");
    expect(actionsSince(server, from)).toHaveLength(0);

    from = server.actions.length;
    await a.manager.caller.calls.control.hangup({ callId: colleagues.id });
    expect(actionsSince(server, from, "Hangup").map((x) => x.fields.channel)).toEqual([colleagues.peer, colleagues.agent]);
  });

  it("an ended call, a call Asterisk no longer has, and a support session are refused", async () => {
    const ended = await insertLiveCall(a, a.rep, "ended");
    expect(message(await trpcError(a.rep.caller.calls.control.hangup({ callId: ended.id })))).toBe("This call has already ended.");
    const gone = await liveCall(a, a.rep);
    onPbx();
    const error = await trpcError(a.rep.caller.calls.control.hangup({ callId: gone.id }));
    expect(error.code).toBe("CONFLICT");
    expect(message(error)).toBe("The call is no longer active on the phone system.");
    expect((await trpcError(a.support.calls.control.hangup({ callId: gone.id }))).code).toBe("FORBIDDEN");
  });
});

describe("transfers", () => {
  it("blind: Redirects the other party to an extension or, route-tested, to a number", async () => {
    const call = await liveCall(a, a.rep);
    onPbx(call);
    let from = server.actions.length;
    await a.rep.caller.calls.control.blindTransfer({ callId: call.id, target: "1004" });
    let [redirect] = actionsSince(server, from, "Redirect");
    expect(headersOf(redirect!)).toEqual({
      action: "Redirect",
      channel: call.peer,
      context: `t_${a.slug}_internal`,
      exten: "1004",
      priority: "1",
    });

    from = server.actions.length;
    await a.rep.caller.calls.control.blindTransfer({ callId: call.id, target: "(11) 98888-7777" });
    [redirect] = actionsSince(server, from, "Redirect");
    expect(headersOf(redirect!)).toEqual({
      action: "Redirect",
      channel: call.peer,
      context: `t_${a.slug}_outbound`,
      exten: "+5511988887777",
      priority: "1",
    });
  });

  it("blind: refuses unknown, offline and own extensions, bad numbers and calls not yet answered — sending nothing", async () => {
    const call = await liveCall(a, a.rep);
    const ringing = await liveCall(a, a.rep2, "ringing");
    onPbx(call, ringing);
    const from = server.actions.length;
    const cases: Array<[string, string, string]> = [
      ["1099", "INVALID_INPUT", "Extension 1099 does not exist."],
      ["1005", "CONFLICT", "Extension 1005 is offline."],
      ["1003", "CONFLICT", "The call is already on extension 1003."],
      ["12345678", "INVALID_INPUT", "12345678 is neither an extension nor a valid phone number."],
    ];
    for (const [target, code, text] of cases) {
      const error = await trpcError(a.rep.caller.calls.control.blindTransfer({ callId: call.id, target }));
      expect([target, (error.cause as { code?: string } | undefined)?.code, message(error)]).toEqual([target, code, text]);
    }
    const notAnswered = await trpcError(a.rep2.caller.calls.control.blindTransfer({ callId: ringing.id, target: "1004" }));
    expect(message(notAnswered)).toBe("The call must be connected for that.");
    expect(actionsSince(server, from)).toHaveLength(0);
  });

  it("attended: Atxfer on the rep's own channel into the internal context (capture 09)", async () => {
    const call = await liveCall(a, a.rep);
    onPbx(call);
    const from = server.actions.length;
    await a.rep.caller.calls.control.attendedTransfer({ callId: call.id, extension: "1004" });
    const [atxfer] = actionsSince(server, from, "Atxfer");
    expect(headersOf(atxfer!)).toEqual({ action: "Atxfer", channel: call.agent, exten: "1004", context: `t_${a.slug}_internal` });
    const colleagues = await liveCall(a, a.rep2);
    onPbx(colleagues);
    expect((await trpcError(a.rep.caller.calls.control.attendedTransfer({ callId: colleagues.id, extension: "1001" }))).code).toBe(
      "FORBIDDEN",
    );
  });
});

describe("monitoring (must show 3, the control half)", () => {
  it("a manager listens, whispers or barges on the rep's FULL channel from their own extension, audited with the mode", async () => {
    const call = await liveCall(a, a.rep);
    onPbx(call);
    for (const [mode, options] of [
      ["listen", "qE"],
      ["whisper", "qEw"],
      ["barge", "qEB"],
    ] as const) {
      const from = server.actions.length;
      await a.manager.caller.calls.control.monitor({ callId: call.id, mode });
      const [originate] = actionsSince(server, from, "Originate");
      expect(originate!.actionId).toMatch(/^spy-/);
      expect(headersOf(originate!)).toEqual({
        action: "Originate",
        channel: `PJSIP/${a.slug}_1002`,
        application: "ChanSpy",
        data: `${call.agent},${options}`,
        callerid: '"Monitor" <1003>',
        timeout: "30000",
        async: "true",
        variable: `LINHA_TENANT=${a.slug}`,
      });
    }
    const audit = await auditOf("call", call.id);
    expect(audit.map((entry) => [entry.action, (entry.after as { mode: string }).mode, entry.actorEmail])).toEqual([
      ["call.monitor", "listen", a.manager.email],
      ["call.monitor", "whisper", a.manager.email],
      ["call.monitor", "barge", a.manager.email],
    ]);
  });

  it("a rep may not monitor at all; another tenant's call is not found; a plan without monitoring is refused — nothing sent", async () => {
    const call = await liveCall(a, a.rep);
    const theirs = await liveCall(b, b.rep);
    onPbx(call, theirs);
    const from = server.actions.length;
    const rep = await trpcError(a.rep2.caller.calls.control.monitor({ callId: call.id, mode: "listen" }));
    expect([rep.code, message(rep)]).toEqual(["FORBIDDEN", "Only managers and admins can monitor calls."]);
    const foreign = await trpcError(a.manager.caller.calls.control.monitor({ callId: theirs.id, mode: "listen" }));
    expect(foreign.code).toBe("NOT_FOUND");
    const plan = await trpcError(b.manager.caller.calls.control.monitor({ callId: theirs.id, mode: "barge" }));
    expect([plan.code, message(plan)]).toEqual(["FORBIDDEN", "Your plan doesn't include call monitoring."]);
    expect(actionsSince(server, from)).toHaveLength(0);
    expect(await auditOf("call", theirs.id)).toHaveLength(0);
  });

  it("needs the manager's own registered extension, and not their own call", async () => {
    const call = await liveCall(a, a.rep);
    const own = await liveCall(a, a.manager);
    onPbx(call, own);
    const selfError = await trpcError(a.manager.caller.calls.control.monitor({ callId: own.id, mode: "listen" }));
    expect(message(selfError)).toBe("You can't monitor your own call.");
    await ownerQuery(`UPDATE "Extension" SET registered = false WHERE "tenantId" = $1 AND number = '1002'`, [a.id]);
    try {
      const offline = await trpcError(a.manager.caller.calls.control.monitor({ callId: call.id, mode: "listen" }));
      expect(message(offline)).toBe("Your extension 1002 is offline — open your softphone or check your phone and try again.");
    } finally {
      await ownerQuery(`UPDATE "Extension" SET registered = true WHERE "tenantId" = $1 AND number = '1002'`, [a.id]);
    }
  });
});
