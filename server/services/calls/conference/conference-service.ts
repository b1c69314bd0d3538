import { randomInt, randomUUID } from "node:crypto";
import { AmiError, type AmiClient } from "@/asterisk/ami/types";
import type { ConferenceView } from "@/lib/schemas/calls";
import { asciiCallerIdName } from "@/lib/telephony/allow-list";
import { withTenant, type TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { amiFailure, callsMessage } from "@/server/services/calls/control/call-errors";
import { isSafeChannelName } from "@/server/services/calls/control/call-channels";
import { assertConcurrentCallsAvailable, connectedPbxNode } from "@/server/services/calls/control/call-prerequisites";
import { ORIGINATE_RING_MS } from "@/server/services/calls/control/place-call";
import { conferenceViewSelect, toConferenceView } from "@/server/services/calls/conference-view";
import { publishLive } from "@/server/services/calls/live-publish";
import { withNodeAmi } from "@/server/services/pbx/ami-connections";
import type { TenantContext } from "@/server/trpc/tenant-procedure";
import {
  conferenceContext,
  conferenceRoom,
  isExternal,
  participantChannel,
  resolveParticipantTargets,
  type ParticipantTarget,
} from "./conference-targets";

// ConfBridge conferences started from Linha. The Conference and its participants are committed in
// a transaction of their own BEFORE the Originates leave: the ingest binds each joining channel to
// its participant by LINHA_CONF. Joins, leaves and the end then arrive through the ingest.

export type ConferenceContext = Pick<TenantContext, "tenant" | "actor" | "db" | "crm">;

export const MAX_PARTICIPANTS = 10;
const AMI_ANSWER_MS = 8_000;
const log = logger.child({ module: "conference" });

const notFound = () => new AppError("NOT_FOUND", "errors.not_found");
const isManager = (ctx: ConferenceContext) => ctx.actor.role !== "rep";

type CreatedLeg = { id: string; originateActionId: string; target: ParticipantTarget };

/** A code no conference of the tenant ever used (Conference is unique on tenant + code). */
async function unusedCode(db: TenantDb): Promise<string> {
  for (;;) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    if (!(await db.conference.findFirst({ where: { code }, select: { id: true } }))) return code;
  }
}

async function conferenceView(db: TenantDb, id: string): Promise<ConferenceView> {
  return toConferenceView(await db.conference.findUniqueOrThrow({ where: { id }, select: conferenceViewSelect }));
}

function legOriginate(slug: string, code: string, title: string, leg: CreatedLeg) {
  const name = asciiCallerIdName(title);
  return {
    action: "Originate",
    Channel: participantChannel(slug, leg.target),
    Context: conferenceContext(slug),
    Exten: code,
    Priority: "1",
    // Colleagues' phones show the conference; an external leg keeps the caller id its outbound route sets.
    ...(leg.target.kind === "extension" ? { CallerID: name ? `"${name}" <${code}>` : `<${code}>` } : {}),
    Timeout: String(ORIGINATE_RING_MS),
    Async: "true",
    Variable: `LINHA_TENANT=${slug},LINHA_CONF=${leg.id}`,
  };
}

/**
 * Sends one Originate per leg; a leg Asterisk refuses (or that never left) is marked failed. When
 * every leg failed the conference ends, and the first failure is the answer.
 */
async function originateLegs(
  tenantId: string,
  slug: string,
  nodeId: string,
  conference: { id: string; code: string; title: string },
  legs: CreatedLeg[],
  endWhenAllFail: boolean,
): Promise<void> {
  const failed: string[] = [];
  let firstError: unknown = null;
  try {
    await withNodeAmi(nodeId, async (ami: AmiClient) => {
      for (const leg of legs) {
        try {
          await ami.action(legOriginate(slug, conference.code, conference.title, leg), {
            actionId: leg.originateActionId,
            timeoutMs: AMI_ANSWER_MS,
          });
        } catch (error) {
          failed.push(leg.id);
          firstError ??= error;
        }
      }
    });
  } catch (error) {
    // No connection at all: nothing left.
    for (const leg of legs) if (!failed.includes(leg.id)) failed.push(leg.id);
    firstError ??= error;
  }
  if (failed.length === 0) return;
  log.warn({ err: firstError, conferenceId: conference.id, failed: failed.length }, "conference Originate failed");
  const allFailed = failed.length === legs.length;
  await withTenant(tenantId, async (db) => {
    await db.conferenceParticipant.updateMany({ where: { id: { in: failed }, state: "calling" }, data: { state: "failed" } });
    if (allFailed && endWhenAllFail)
      await db.conference.updateMany({ where: { id: conference.id, endedAt: null }, data: { endedAt: new Date() } });
    await publishLive(db, tenantId, [{ type: "conference", conference: await conferenceView(db, conference.id) }]);
  });
  if (allFailed) throw amiFailure(firstError, "calls.errors.originate_failed");
}

function requireMember(ctx: ConferenceContext): string {
  if (ctx.actor.kind !== "member" || !ctx.actor.userId) throw new AppError("FORBIDDEN", callsMessage("calls.errors.not_a_member"));
  return ctx.actor.userId;
}

/** Starts a conference: 2–10 extensions or numbers, each rung into the room. */
export async function startConference(ctx: ConferenceContext, input: { title: string; targets: string[] }): Promise<ConferenceView> {
  const { tenant } = ctx;
  const userId = requireMember(ctx);
  const targets = await resolveParticipantTargets(ctx.db, tenant.id, ctx.crm, input.targets, (index) => `targets.${index}`);
  const nodeId = await connectedPbxNode(tenant.id);
  const external = targets.filter(isExternal).length;

  const created = await withTenant(tenant.id, async (db) => {
    if (external > 0) await assertConcurrentCallsAvailable(db, tenant.id, tenant.planId, external);
    const conference = await db.conference.create({
      data: { pbxNodeId: nodeId, code: await unusedCode(db), title: input.title, startedByUserId: userId },
      select: { id: true, code: true, title: true },
    });
    const legs = await createLegs(db, conference.id, targets);
    await publishLive(db, tenant.id, [{ type: "conference", conference: await conferenceView(db, conference.id) }]);
    return { conference, legs };
  });

  await originateLegs(tenant.id, tenant.slug, nodeId, created.conference, created.legs, true);
  return conferenceView(ctx.db, created.conference.id);
}

async function createLegs(db: TenantDb, conferenceId: string, targets: ParticipantTarget[]): Promise<CreatedLeg[]> {
  const rows = await db.conferenceParticipant.createManyAndReturn({
    data: targets.map((target) => ({
      conferenceId,
      target: target.target,
      label: target.label,
      originateActionId: `conf-${randomUUID()}`,
    })),
    select: { id: true, target: true, originateActionId: true },
  });
  return rows.map((row) => ({
    id: row.id,
    originateActionId: row.originateActionId!,
    target: targets.find((t) => t.target === row.target)!,
  }));
}

type ConferenceRow = {
  id: string;
  code: string;
  title: string;
  endedAt: Date | null;
  pbxNodeId: string | null;
  startedByUserId: string | null;
};

/** The tenant's conference, still going; reps may only run the ones they started. */
async function runningConference(ctx: ConferenceContext, conferenceId: string): Promise<ConferenceRow & { pbxNodeId: string }> {
  const conference = await ctx.db.conference.findFirst({
    where: { id: conferenceId },
    select: { id: true, code: true, title: true, endedAt: true, pbxNodeId: true, startedByUserId: true },
  });
  if (!conference) throw notFound();
  if (!isManager(ctx) && conference.startedByUserId !== ctx.actor.userId) {
    throw new AppError("FORBIDDEN", callsMessage("calls.errors.not_your_conference"));
  }
  if (conference.endedAt) throw new AppError("CONFLICT", callsMessage("calls.errors.conference_ended"));
  if (!conference.pbxNodeId) throw new AppError("CONFLICT", callsMessage("calls.errors.conference_ended"));
  return { ...conference, pbxNodeId: conference.pbxNodeId };
}

/** Rings one more extension or number into a running conference. */
export async function addParticipant(ctx: ConferenceContext, input: { conferenceId: string; target: string }): Promise<ConferenceView> {
  const { tenant } = ctx;
  requireMember(ctx);
  const conference = await runningConference(ctx, input.conferenceId);
  const active = await ctx.db.conferenceParticipant.findMany({
    where: { conferenceId: conference.id, state: { in: ["calling", "joined"] } },
    select: { target: true },
  });
  if (active.length >= MAX_PARTICIPANTS)
    throw new AppError("CONFLICT", callsMessage("calls.errors.conference_full", { max: MAX_PARTICIPANTS }));
  const [target] = await resolveParticipantTargets(
    ctx.db,
    tenant.id,
    ctx.crm,
    [input.target],
    () => "target",
    active.map((p) => p.target),
  );
  const nodeId = await connectedPbxNode(tenant.id);
  const legs = await withTenant(tenant.id, async (db) => {
    if (isExternal(target!)) await assertConcurrentCallsAvailable(db, tenant.id, tenant.planId, 1);
    const created = await createLegs(db, conference.id, [target!]);
    await publishLive(db, tenant.id, [{ type: "conference", conference: await conferenceView(db, conference.id) }]);
    return created;
  });
  await originateLegs(tenant.id, tenant.slug, nodeId, conference, legs, false);
  return conferenceView(ctx.db, conference.id);
}

async function joinedParticipant(ctx: ConferenceContext, conferenceId: string, participantId: string) {
  const participant = await ctx.db.conferenceParticipant.findFirst({
    where: { id: participantId, conferenceId },
    select: { id: true, label: true, state: true, channel: true },
  });
  if (!participant) throw notFound();
  if (participant.state === "left" || participant.state === "failed") {
    throw new AppError("CONFLICT", callsMessage("calls.errors.participant_left", { label: participant.label }));
  }
  if (participant.state !== "joined" || !participant.channel || !isSafeChannelName(participant.channel)) {
    throw new AppError("CONFLICT", callsMessage("calls.errors.participant_not_joined", { label: participant.label }));
  }
  return { ...participant, channel: participant.channel };
}

async function confbridge(nodeId: string, action: Record<string, string> & { action: string }): Promise<void> {
  try {
    await withNodeAmi(nodeId, (ami) => ami.action(action, { timeoutMs: AMI_ANSWER_MS }));
  } catch (error) {
    throw amiFailure(error, "calls.errors.action_failed");
  }
}

/** Mutes or unmutes a joined participant; `muted` is written only once Asterisk said Success. */
export async function muteParticipant(
  ctx: ConferenceContext,
  input: { conferenceId: string; participantId: string; muted: boolean },
): Promise<ConferenceView> {
  const conference = await runningConference(ctx, input.conferenceId);
  const participant = await joinedParticipant(ctx, conference.id, input.participantId);
  await confbridge(conference.pbxNodeId, {
    action: input.muted ? "ConfbridgeMute" : "ConfbridgeUnmute",
    Conference: conferenceRoom(ctx.tenant.slug, conference.code),
    Channel: participant.channel,
  });
  await ctx.db.conferenceParticipant.update({ where: { id: participant.id }, data: { muted: input.muted } });
  const view = await conferenceView(ctx.db, conference.id);
  await publishLive(ctx.db, ctx.tenant.id, [{ type: "conference", conference: view }]);
  return view;
}

/** Removes a participant from the room; their leave arrives through the ingest. */
export async function kickParticipant(
  ctx: ConferenceContext,
  input: { conferenceId: string; participantId: string },
): Promise<{ ok: true }> {
  const conference = await runningConference(ctx, input.conferenceId);
  const participant = await joinedParticipant(ctx, conference.id, input.participantId);
  await confbridge(conference.pbxNodeId, {
    action: "ConfbridgeKick",
    Conference: conferenceRoom(ctx.tenant.slug, conference.code),
    Channel: participant.channel,
  });
  return { ok: true };
}

/**
 * Ends the conference for everyone: ConfbridgeKick Channel=all. A room nobody joined yet does not
 * exist on the PBX, so Asterisk's "no conference" is not an error here. The conference is closed
 * at once (the ingest's ConfbridgeEnd finds it closed already).
 */
export async function endConference(ctx: ConferenceContext, input: { conferenceId: string }): Promise<ConferenceView> {
  const conference = await runningConference(ctx, input.conferenceId);
  try {
    await withNodeAmi(conference.pbxNodeId, (ami) =>
      ami.action(
        { action: "ConfbridgeKick", Conference: conferenceRoom(ctx.tenant.slug, conference.code), Channel: "all" },
        { timeoutMs: AMI_ANSWER_MS },
      ),
    );
  } catch (error) {
    const noRoom = error instanceof AmiError && error.code === "action_failed" && /no (active )?conference/i.test(error.message);
    if (!noRoom) throw amiFailure(error, "calls.errors.action_failed");
  }
  const now = new Date();
  await ctx.db.conference.updateMany({ where: { id: conference.id, endedAt: null }, data: { endedAt: now } });
  await ctx.db.conferenceParticipant.updateMany({
    where: { conferenceId: conference.id, state: "joined" },
    data: { state: "left", leftAt: now },
  });
  await ctx.db.conferenceParticipant.updateMany({ where: { conferenceId: conference.id, state: "calling" }, data: { state: "failed" } });
  const view = await conferenceView(ctx.db, conference.id);
  await publishLive(ctx.db, ctx.tenant.id, [{ type: "conference", conference: view }]);
  return view;
}

/** Conferences still going, then the most recent ended ones. */
export async function listConferences(db: TenantDb, input: { includeEnded?: boolean; limit?: number } = {}): Promise<ConferenceView[]> {
  const rows = await db.conference.findMany({
    where: input.includeEnded ? {} : { endedAt: null },
    select: conferenceViewSelect,
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: input.limit ?? 50,
  });
  return rows.map(toConferenceView);
}

export async function getConference(db: TenantDb, conferenceId: string): Promise<ConferenceView> {
  const row = await db.conference.findFirst({ where: { id: conferenceId }, select: conferenceViewSelect });
  if (!row) throw notFound();
  return toConferenceView(row);
}
