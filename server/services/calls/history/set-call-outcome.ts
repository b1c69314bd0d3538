import type { CallDetail, SetOutcomeInput } from "@/lib/schemas/calls";
import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordActivity } from "@/server/services/activities/record-activity";
import { publishLive } from "@/server/services/calls/live-publish";
import { callViewSelect, toCallView } from "@/server/services/calls/call-view";
import { visibleLeadWhere } from "@/server/services/crm/access";
import { rescoreLeads } from "@/server/services/scoring/rescore-leads";
import { createTask } from "@/server/services/tasks/create-task";
import { callAccessWhere, seesAllCalls, type CallViewer } from "./call-access";
import { callNotFound, getCall } from "./get-call";

export type OutcomeActor = { viewer: CallViewer; name: string | null; tenantId: string };

const jsonObject = (value: Prisma.JsonValue | null): Prisma.JsonObject =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};

/**
 * The after-call form, in the request's transaction: the outcome and note go on the call and on its
 * timeline entry (written now if the ingest did not, e.g. the lead was matched later), the lead is
 * rescored (an answered "connected" call is a scoring fact), and an optional follow-up call task is
 * created for the actor. The call's own rep or a manager may do it, once the call has ended.
 */
export async function setCallOutcome(db: TenantDb, actor: OutcomeActor, input: SetOutcomeInput): Promise<CallDetail> {
  const { viewer } = actor;
  const visible = await db.call.findFirst({ where: { AND: [{ id: input.callId }, callAccessWhere(viewer)] }, select: { id: true } });
  if (!visible) throw callNotFound();
  // Locks the row against the ingest, which may be ending the call or writing its activity right now.
  await db.$queryRaw`SELECT id FROM "Call" WHERE id = ${input.callId}::uuid FOR UPDATE`;
  const call = await db.call.findUniqueOrThrow({
    where: { id: input.callId },
    select: {
      id: true,
      state: true,
      userId: true,
      userName: true,
      leadId: true,
      activityId: true,
      direction: true,
      billsec: true,
      startedAt: true,
      disposition: true,
    },
  });
  if (!seesAllCalls(viewer) && call.userId !== viewer.userId) throw new AppError("FORBIDDEN", "callHistory.errors.not_your_call");
  if (call.state !== "ended") throw new AppError("CONFLICT", "callHistory.errors.not_ended");

  const note = input.note === undefined ? undefined : input.note === "" ? null : input.note;
  const activityId = await writeActivity(db, actor, call, input.outcome, note);
  await db.call.update({ where: { id: call.id }, data: { outcome: input.outcome, ...(note !== undefined ? { note } : {}), activityId } });

  if (input.nextTask) {
    // The task hangs on the lead only when the actor may see it (a rep's own call may be with a lead now private to someone else).
    const leadVisible =
      call.leadId !== null && (await db.lead.count({ where: { AND: [{ id: call.leadId }, visibleLeadWhere(viewer.crm)] } })) > 0;
    await createTask(
      db,
      { viewer: viewer.crm, userId: viewer.userId, name: actor.name },
      { title: input.nextTask.title, type: "call", dueAt: input.nextTask.dueAt, leadId: leadVisible ? call.leadId : null },
    );
  }

  const fresh = await db.call.findUniqueOrThrow({ where: { id: call.id }, select: callViewSelect });
  await publishLive(db, actor.tenantId, [{ type: "call", call: toCallView(fresh) }]);
  return getCall(db, viewer, call.id);
}

type OutcomeCall = { id: string; userId: string | null; userName: string | null; leadId: string | null; activityId: string | null } & Pick<
  Prisma.CallGetPayload<{ select: { direction: true; billsec: true; startedAt: true; disposition: true } }>,
  "direction" | "billsec" | "startedAt" | "disposition"
>;

/** Updates the call's timeline entry, or records one when the call has a lead and none yet; its id. */
async function writeActivity(
  db: TenantDb,
  actor: OutcomeActor,
  call: OutcomeCall,
  outcome: SetOutcomeInput["outcome"],
  note: string | null | undefined,
): Promise<string | null> {
  const existing = call.activityId
    ? await db.activity.findUnique({ where: { id: call.activityId }, select: { id: true, leadId: true, data: true } })
    : null;
  if (existing) {
    await db.activity.update({
      where: { id: existing.id },
      data: { data: { ...jsonObject(existing.data), outcome }, ...(note !== undefined ? { body: note } : {}) },
    });
    if (existing.leadId) await rescoreLeads(db, [existing.leadId]);
    return existing.id;
  }
  if (!call.leadId) return null;
  // The timeline entry is the call's, so it is written as its rep's, not as the manager's who filled the form in.
  const { id } = await recordActivity(
    db,
    { userId: call.userId ?? actor.viewer.userId, name: call.userName ?? actor.name },
    {
      kind: "call",
      leadId: call.leadId,
      body: note ?? null,
      occurredAt: call.startedAt,
      data: { callId: call.id, direction: call.direction, disposition: call.disposition, outcome, durationSec: call.billsec ?? 0 },
    },
  );
  return id;
}
