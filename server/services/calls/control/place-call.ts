import { randomUUID } from "node:crypto";
import { internalContext, outboundContext } from "@/asterisk/config/names";
import type { PlaceCallInput } from "@/lib/schemas/calls";
import { asciiCallerIdName } from "@/lib/telephony/allow-list";
import { withTenant } from "@/server/db";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { callViewSelect, toCallView } from "@/server/services/calls/call-view";
import { publishLive } from "@/server/services/calls/live-publish";
import { withNodeAmi } from "@/server/services/pbx/ami-connections";
import { amiFailure, callsMessage } from "./call-errors";
import {
  assertConcurrentCallsAvailable,
  assertRoutable,
  connectedPbxNode,
  memberExtension,
  type MemberExtension,
} from "./call-prerequisites";
import { resolveCallTarget, type CallTarget } from "./call-target";
import { actorFromRequest, type ActionRequest, type CallActorContext } from "./request-actor";

const log = logger.child({ module: "place-call" });

/** How long Asterisk rings the rep's own phone before giving up (Originate Timeout, ms). */
export const ORIGINATE_RING_MS = 30_000;
/** How long we wait for Asterisk to accept (queue) the Originate: Async answers at once. */
const ORIGINATE_ANSWER_MS = 8_000;

/** `"<name>" <number>`, with the name ASCII-folded and allow-listed (or left out when nothing is left). */
export function originateCallerId(name: string | null, number: string): string {
  const safeName = name ? asciiCallerIdName(name) : null;
  return safeName ? `"${safeName}" <${number}>` : `<${number}>`;
}

/** The Originate of a click-to-call: ring the rep's phone, then run the dialled number in the tenant's context. */
export function clickToCallOriginate(params: {
  slug: string;
  extension: MemberExtension;
  target: CallTarget;
  callId: string;
}): { action: string } & Record<string, string> {
  const { slug, extension, target, callId } = params;
  const exten = target.kind === "number" ? target.number : target.extension;
  const variables = [`LINHA_CALL_ID=${callId}`, `LINHA_TENANT=${slug}`];
  if (target.leadId) variables.push(`LINHA_LEAD=${target.leadId}`);
  // T: the rep may start an attended transfer (AMI Atxfer injects the feature code as DTMF).
  variables.push("BRIDGE_FEATURES=T");
  return {
    action: "Originate",
    Channel: `PJSIP/${extension.endpoint}`,
    Context: target.kind === "number" ? outboundContext(slug) : internalContext(slug),
    Exten: exten,
    Priority: "1",
    CallerID: originateCallerId(target.leadName, exten),
    Timeout: String(ORIGINATE_RING_MS),
    Async: "true",
    Variable: variables.join(","),
  };
}

/**
 * Click-to-call. Every refusal happens before anything is written or sent. The Call row is
 * committed BEFORE the Originate leaves (the ingest binds the PBX's events to it by LINHA_CALL_ID
 * and the ActionID). Asterisk answering Success only means "queued": the ingest tracks the rest.
 */
export async function placeCall(ctx: CallActorContext, input: PlaceCallInput): Promise<{ callId: string }> {
  const { tenant, actor } = ctx;
  if (actor.kind !== "member" || !actor.userId) throw new AppError("FORBIDDEN", callsMessage("calls.errors.not_a_member"));

  const { extension, target } = await withTenant(tenant.id, async (db) => {
    const extension = await memberExtension(db, tenant.slug, actor.membershipId);
    const target = await resolveCallTarget(db, { ...ctx.crm, userId: actor.userId }, extension.number, input);
    return { extension, target };
  });
  if (target.kind === "extension" && target.extension === extension.number) {
    throw new AppError("CONFLICT", callsMessage("calls.errors.transfer_to_self", { extension: extension.number }));
  }
  const nodeId = await connectedPbxNode(tenant.id);
  if (target.kind === "number") await assertRoutable(tenant.id, target.number);

  const originateActionId = `c2c-${randomUUID()}`;
  const call = await withTenant(tenant.id, async (db) => {
    await assertConcurrentCallsAvailable(db, tenant.id, tenant.planId);
    const busy = await db.call.findFirst({ where: { state: { not: "ended" }, extensionNumber: extension.number }, select: { id: true } });
    if (busy) throw new AppError("CONFLICT", callsMessage("calls.errors.already_in_call"));
    const row = await db.call.create({
      data: {
        pbxNodeId: nodeId,
        originateActionId,
        direction: target.kind === "number" ? "outbound" : "internal",
        state: "originating",
        fromNumber: extension.number,
        toNumber: target.kind === "number" ? target.number : target.extension,
        extensionNumber: extension.number,
        userId: actor.userId,
        userName: (actor.name ?? actor.email ?? "").slice(0, 120) || null,
        leadId: target.leadId,
      },
      select: callViewSelect,
    });
    await publishLive(db, tenant.id, [{ type: "call", call: toCallView(row) }]);
    return row;
  });

  const originate = clickToCallOriginate({ slug: tenant.slug, extension, target, callId: call.id });
  try {
    await withNodeAmi(nodeId, (ami) => ami.action(originate, { actionId: originateActionId, timeoutMs: ORIGINATE_ANSWER_MS }));
  } catch (error) {
    log.warn({ err: error, callId: call.id }, "click-to-call Originate failed");
    await markFailed(tenant.id, call.id).catch((markError: unknown) =>
      log.error({ err: markError, callId: call.id }, "marking the call failed"),
    );
    throw amiFailure(error, "calls.errors.originate_failed");
  }
  return { callId: call.id };
}

/** The Originate never left or was refused: the row ends as failed (unless the ingest already ended it). */
async function markFailed(tenantId: string, callId: string): Promise<void> {
  await withTenant(tenantId, async (db) => {
    const now = new Date();
    const { count } = await db.call.updateMany({
      where: { id: callId, state: { not: "ended" } },
      data: { state: "ended", endedAt: now, disposition: "failed" },
    });
    if (count === 0) return;
    const row = await db.call.findUniqueOrThrow({ where: { id: callId }, select: callViewSelect });
    await publishLive(db, tenantId, [{ type: "call", call: toCallView(row) }]);
  });
}

/** The server action's entry: the tenant and member from the session and Host, then placeCall. */
export async function placeCallForRequest(request: ActionRequest, input: PlaceCallInput): Promise<{ callId: string }> {
  return placeCall(await actorFromRequest(request), input);
}
