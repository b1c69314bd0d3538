import { randomUUID } from "node:crypto";
import { AmiError, type AmiClient } from "@/asterisk/ami/types";
import { internalContext, outboundContext } from "@/asterisk/config/names";
import type { MonitorMode } from "@/lib/schemas/calls";
import { isValidExtensionNumber } from "@/lib/telephony/allow-list";
import { platformDb, type TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { withNodeAmi } from "@/server/services/pbx/ami-connections";
import type { TenantContext } from "@/server/trpc/tenant-procedure";
import { amiFailure, callsMessage } from "./call-errors";
import { liveCallChannels, type CallChannels } from "./call-channels";
import { assertRoutable, dialableNumber, memberExtension } from "./call-prerequisites";
import { ORIGINATE_RING_MS, originateCallerId } from "./place-call";

// Hang up, transfers and monitoring. Nothing here must be committed before Asterisk acts, so the
// services run in the request's transaction (ctx.db); what Asterisk then does reaches the Call row
// through the ingest.

export type ControlContext = Pick<TenantContext, "tenant" | "actor" | "db" | "audit">;

/** ChanSpy options per mode: q quiet (no beep), E exit when the spied channel hangs up; w whisper, B barge. */
export const CHANSPY_OPTIONS: Record<MonitorMode, string> = { listen: "qE", whisper: "qEw", barge: "qEB" };

const AMI_ANSWER_MS = 8_000;

type LiveCall = { id: string; userId: string | null; linkedId: string; pbxNodeId: string; extensionNumber: string | null; state: string };

const isManager = (ctx: ControlContext) => ctx.actor.role !== "rep";

/** The tenant's call, live; another tenant's call is invisible (RLS) and so NOT_FOUND. */
async function liveCall(db: TenantDb, callId: string): Promise<LiveCall & { answered: boolean }> {
  const call = await db.call.findFirst({
    where: { id: callId },
    select: { id: true, userId: true, linkedId: true, pbxNodeId: true, extensionNumber: true, state: true },
  });
  if (!call) throw new AppError("NOT_FOUND", "errors.not_found");
  if (call.state === "ended") throw new AppError("CONFLICT", callsMessage("calls.errors.call_ended"));
  if (!call.linkedId || !call.pbxNodeId) throw new AppError("CONFLICT", callsMessage("calls.errors.channel_gone"));
  return { ...call, linkedId: call.linkedId, pbxNodeId: call.pbxNodeId, answered: call.state === "answered" };
}

/** Reps control only their own calls; managers and above any call of the tenant. */
async function controllableCall(ctx: ControlContext, callId: string) {
  const call = await liveCall(ctx.db, callId);
  if (!isManager(ctx) && call.userId !== ctx.actor.userId) throw new AppError("FORBIDDEN", callsMessage("calls.errors.not_your_call"));
  return call;
}

async function onCallNode<T>(call: LiveCall, slug: string, fn: (ami: AmiClient, channels: CallChannels) => Promise<T>): Promise<T> {
  try {
    return await withNodeAmi(call.pbxNodeId, async (ami) => {
      const channels = await liveCallChannels(ami, slug, call.linkedId, call.extensionNumber);
      if (channels.all.length === 0) throw new AppError("CONFLICT", callsMessage("calls.errors.channel_gone"));
      return fn(ami, channels);
    });
  } catch (error) {
    throw amiFailure(error, "calls.errors.action_failed");
  }
}

/** Asterisk says a channel is gone when the call ended on its own a moment ago. */
const noSuchChannel = (error: unknown) =>
  error instanceof AmiError && error.code === "action_failed" && /no such channel/i.test(error.message);

/** Hangs up every channel of the call, the other party first. */
export async function hangupCall(ctx: ControlContext, callId: string): Promise<{ ok: true }> {
  const call = await controllableCall(ctx, callId);
  await onCallNode(call, ctx.tenant.slug, async (ami, channels) => {
    const order = [channels.peer, ...channels.all.map((c) => c.name)].filter(
      (name, i, list): name is string => !!name && list.indexOf(name) === i,
    );
    for (const channel of order) {
      await ami.action({ action: "Hangup", Channel: channel }, { timeoutMs: AMI_ANSWER_MS }).catch((error: unknown) => {
        if (!noSuchChannel(error)) throw error;
      });
    }
  });
  return { ok: true };
}

type TransferDestination = { kind: "extension"; extension: string } | { kind: "number"; number: string };

/** A colleague's extension that can take a call now. */
async function reachableExtension(db: TenantDb, number: string): Promise<string> {
  const extension = await db.extension.findFirst({ where: { number }, select: { number: true, enabled: true, registered: true } });
  if (!extension) throw new AppError("INVALID_INPUT", callsMessage("calls.errors.unknown_extension", { extension: number }));
  if (!extension.enabled) throw new AppError("CONFLICT", callsMessage("calls.errors.target_extension_disabled", { extension: number }));
  if (!extension.registered) throw new AppError("CONFLICT", callsMessage("calls.errors.target_extension_offline", { extension: number }));
  return extension.number;
}

/** What a person typed as a transfer target: 2–6 digits are an extension, anything else must be a phone number. */
export async function transferDestination(db: TenantDb, tenantId: string, raw: string): Promise<TransferDestination> {
  const compact = raw.replace(/[\s().-]/g, "");
  if (isValidExtensionNumber(compact)) return { kind: "extension", extension: await reachableExtension(db, compact) };
  const number = dialableNumber(raw);
  if (!number) throw new AppError("INVALID_INPUT", callsMessage("calls.errors.invalid_target", { target: raw.slice(0, 32) }));
  await assertRoutable(tenantId, number);
  return { kind: "number", number };
}

/** Blind transfer: the other party's channel leaves the bridge and runs the destination; the rep's leg ends. */
export async function blindTransfer(ctx: ControlContext, callId: string, rawTarget: string): Promise<{ ok: true }> {
  const call = await controllableCall(ctx, callId);
  if (!call.answered) throw new AppError("CONFLICT", callsMessage("calls.errors.call_not_answered"));
  const destination = await transferDestination(ctx.db, ctx.tenant.id, rawTarget);
  if (destination.kind === "extension" && destination.extension === call.extensionNumber) {
    throw new AppError("CONFLICT", callsMessage("calls.errors.transfer_to_self", { extension: destination.extension }));
  }
  const slug = ctx.tenant.slug;
  await onCallNode(call, slug, async (ami, channels) => {
    if (!channels.peer) throw new AppError("CONFLICT", callsMessage("calls.errors.channel_gone"));
    await ami.action(
      {
        action: "Redirect",
        Channel: channels.peer,
        Context: destination.kind === "extension" ? internalContext(slug) : outboundContext(slug),
        Exten: destination.kind === "extension" ? destination.extension : destination.number,
        Priority: "1",
      },
      { timeoutMs: AMI_ANSWER_MS },
    );
  });
  return { ok: true };
}

/**
 * Attended transfer: Asterisk's Atxfer on the rep's channel (it dials the feature code into the
 * bridge; BRIDGE_FEATURES=T was set at Originate). The rep talks to the colleague, then hangs up
 * to complete the transfer.
 */
export async function attendedTransfer(ctx: ControlContext, callId: string, extensionNumber: string): Promise<{ ok: true }> {
  const call = await controllableCall(ctx, callId);
  if (!call.answered) throw new AppError("CONFLICT", callsMessage("calls.errors.call_not_answered"));
  if (extensionNumber === call.extensionNumber) {
    throw new AppError("CONFLICT", callsMessage("calls.errors.transfer_to_self", { extension: extensionNumber }));
  }
  const extension = await reachableExtension(ctx.db, extensionNumber);
  const slug = ctx.tenant.slug;
  await onCallNode(call, slug, async (ami, channels) => {
    if (!channels.agent) throw new AppError("CONFLICT", callsMessage("calls.errors.channel_gone"));
    await ami.action(
      { action: "Atxfer", Channel: channels.agent, Exten: extension, Context: internalContext(slug) },
      { timeoutMs: AMI_ANSWER_MS },
    );
  });
  return { ok: true };
}

/**
 * Listen, whisper or barge: rings the manager's own phone, which then runs ChanSpy on the rep's
 * full channel name (a prefix such as `PJSIP/acme_100` would also match acme_1001…). Managers and
 * above, on a plan with `monitoring`, with a registered extension; audited with the mode.
 */
export async function monitorCall(ctx: ControlContext, callId: string, mode: MonitorMode): Promise<{ ok: true }> {
  if (!isManager(ctx) || ctx.actor.kind !== "member") throw new AppError("FORBIDDEN", callsMessage("calls.errors.monitor_role"));
  const plan = await platformDb().plan.findUnique({ where: { id: ctx.tenant.planId }, select: { features: true } });
  if (!plan?.features.includes("monitoring")) throw new AppError("FORBIDDEN", callsMessage("calls.errors.monitor_plan"));
  const call = await liveCall(ctx.db, callId);
  const own = await memberExtension(ctx.db, ctx.tenant.slug, ctx.actor.membershipId);
  if (call.userId === ctx.actor.userId || call.extensionNumber === own.number) {
    throw new AppError("CONFLICT", callsMessage("calls.errors.monitor_own_call"));
  }
  // Recorded first: if Asterisk refuses, the error rolls the entry back with the request.
  await ctx.audit({ action: "call.monitor", objectType: "call", objectId: call.id, after: { mode, extension: own.number } });
  await onCallNode(call, ctx.tenant.slug, async (ami, channels) => {
    if (!channels.agent) throw new AppError("CONFLICT", callsMessage("calls.errors.channel_gone"));
    await ami.action(
      {
        action: "Originate",
        Channel: `PJSIP/${own.endpoint}`,
        Application: "ChanSpy",
        Data: `${channels.agent},${CHANSPY_OPTIONS[mode]}`,
        CallerID: originateCallerId("Monitor", call.extensionNumber ?? own.number),
        Timeout: String(ORIGINATE_RING_MS),
        Async: "true",
        Variable: `LINHA_TENANT=${ctx.tenant.slug}`,
      },
      { actionId: `spy-${randomUUID()}`, timeoutMs: AMI_ANSWER_MS },
    );
  });
  return { ok: true };
}
