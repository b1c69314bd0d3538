import type { PlaceCallInput } from "@/lib/schemas/calls";
import { isValidExtensionNumber } from "@/lib/telephony/allow-list";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { seesEverything, visibleLeadWhere, visibleOpportunityWhere, visibleTaskWhere, type CrmViewer } from "@/server/services/crm/access";
import { callsMessage } from "./call-errors";
import { dialableNumber } from "./call-prerequisites";

/** Whom a Call button dials: a number through the outbound context, or a colleague's extension. */
export type CallTarget =
  | { kind: "number"; number: string; leadId: string | null; leadName: string | null }
  | { kind: "extension"; extension: string; leadId: null; leadName: null };

const notFound = () => new AppError("NOT_FOUND", "errors.not_found");

type LeadRow = { id: string; name: string; phone: string | null };

function leadTarget(lead: LeadRow): CallTarget {
  if (!lead.phone) throw new AppError("CONFLICT", callsMessage("calls.errors.no_phone", { name: lead.name }));
  const number = dialableNumber(lead.phone);
  if (!number) throw new AppError("INVALID_INPUT", callsMessage("calls.errors.invalid_number", { number: lead.phone }));
  return { kind: "number", number, leadId: lead.id, leadName: lead.name };
}

const leadSelect = { id: true, name: true, phone: true } as const;

/**
 * What the Call button was pressed on, resolved with the actor's CRM visibility: a rep may only
 * call what they may see; another tenant's (RLS) or an invisible record is NOT_FOUND. A record
 * reached through a visible opportunity or task may dial that record's lead.
 */
export async function resolveCallTarget(
  db: TenantDb,
  viewer: CrmViewer & { userId: string | null },
  ownExtension: string | null,
  input: PlaceCallInput,
): Promise<CallTarget> {
  if (input.leadId) {
    const lead = await db.lead.findFirst({ where: { id: input.leadId, ...visibleLeadWhere(viewer) }, select: leadSelect });
    if (!lead) throw notFound();
    return leadTarget(lead);
  }
  if (input.opportunityId) {
    const opportunity = await db.opportunity.findFirst({
      where: { id: input.opportunityId, ...visibleOpportunityWhere(viewer) },
      select: { lead: { select: leadSelect } },
    });
    if (!opportunity) throw notFound();
    if (!opportunity.lead) throw new AppError("CONFLICT", callsMessage("calls.errors.nothing_to_call"));
    return leadTarget(opportunity.lead);
  }
  if (input.taskId) {
    const task = await db.task.findFirst({
      where: { id: input.taskId, ...visibleTaskWhere(viewer) },
      select: { type: true, lead: { select: leadSelect }, opportunity: { select: { lead: { select: leadSelect } } } },
    });
    if (!task) throw notFound();
    const lead = task.lead ?? task.opportunity?.lead ?? null;
    if (task.type !== "call" || !lead) throw new AppError("CONFLICT", callsMessage("calls.errors.nothing_to_call"));
    return leadTarget(lead);
  }
  if (input.callId) return callbackTarget(db, viewer, ownExtension, input.callId);
  throw new AppError("INVALID_INPUT", "errors.invalid_input");
}

/**
 * Calling back an earlier call: its lead when it has one, else its other party. A rep may call back
 * their own calls, calls nobody took (the pool, like unassigned leads) and calls of leads they see.
 */
async function callbackTarget(
  db: TenantDb,
  viewer: CrmViewer & { userId: string | null },
  ownExtension: string | null,
  callId: string,
): Promise<CallTarget> {
  const call = await db.call.findFirst({
    where: { id: callId },
    select: { direction: true, fromNumber: true, toNumber: true, userId: true, extensionNumber: true, lead: { select: leadSelect } },
  });
  if (!call) throw notFound();
  const mine = call.userId === null || call.userId === viewer.userId;
  if (!seesEverything(viewer) && !mine) {
    const visible =
      call.lead && (await db.lead.findFirst({ where: { id: call.lead.id, ...visibleLeadWhere(viewer) }, select: { id: true } }));
    if (!visible) throw notFound();
  }
  if (call.lead?.phone) return leadTarget(call.lead);
  if (call.direction === "internal") {
    // The colleague on the other end: whichever extension is not the caller's own.
    const other = [call.fromNumber, call.toNumber, call.extensionNumber].find((n) => n && n !== ownExtension && isValidExtensionNumber(n));
    if (!other) throw new AppError("CONFLICT", callsMessage("calls.errors.nothing_to_call"));
    return { kind: "extension", extension: other, leadId: null, leadName: null };
  }
  const raw = call.direction === "inbound" ? call.fromNumber : call.toNumber;
  if (!raw) throw new AppError("CONFLICT", callsMessage("calls.errors.nothing_to_call"));
  const number = dialableNumber(raw);
  if (!number) throw new AppError("INVALID_INPUT", callsMessage("calls.errors.invalid_number", { number: raw }));
  return { kind: "number", number, leadId: call.lead?.id ?? null, leadName: call.lead?.name ?? null };
}
