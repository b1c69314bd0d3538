import type { TrackedCall } from "@/asterisk/events/types";
import type { TenantDb } from "@/server/db";
import { pbxNumberToE164 } from "./pbx-number";

/** The number of the other party: who called in, or who was called. Internal calls have none. */
export function externalNumber(call: TrackedCall): string | null {
  if (call.direction === "inbound") return call.fromNumber;
  if (call.direction === "outbound") return call.toNumber;
  return null;
}

/** Per node: the lead found for a call's external number, so a call is looked up once, not per event. */
export type LeadMemo = Map<string, { number: string | null; leadId: string | null }>;

/**
 * The lead each call is with, matched by its external number against Lead.phone (E.164). With
 * several leads on one number the most recently updated wins. A call that already has a lead keeps
 * it (the upsert never replaces one), so a click-to-call stays on the lead it was placed from.
 */
export async function matchLeads(db: TenantDb, calls: readonly TrackedCall[], memo: LeadMemo): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>();
  const pending = new Map<string, TrackedCall[]>();
  for (const call of calls) {
    const number = externalNumber(call);
    const known = memo.get(call.linkedId);
    if (known && known.number === number) {
      result.set(call.linkedId, known.leadId);
      continue;
    }
    const phone = pbxNumberToE164(number);
    if (!phone) {
      memo.set(call.linkedId, { number, leadId: null });
      result.set(call.linkedId, null);
      continue;
    }
    const waiting = pending.get(phone);
    if (waiting) waiting.push(call);
    else pending.set(phone, [call]);
  }
  if (pending.size === 0) return result;
  const leads = await db.lead.findMany({
    where: { phone: { in: [...pending.keys()] } },
    select: { id: true, phone: true },
    orderBy: { updatedAt: "desc" },
  });
  // Newest first: the first lead seen for a phone is the one that wins.
  const leadByPhone = new Map<string, string>();
  for (const lead of leads) if (lead.phone && !leadByPhone.has(lead.phone)) leadByPhone.set(lead.phone, lead.id);
  for (const [phone, waiting] of pending) {
    const leadId = leadByPhone.get(phone) ?? null;
    for (const call of waiting) {
      memo.set(call.linkedId, { number: externalNumber(call), leadId });
      result.set(call.linkedId, leadId);
    }
  }
  return result;
}
