import { extensionEndpoint } from "@/asterisk/config/names";
import { normalizePhone } from "@/lib/phone";
import { isValidCallerIdNumber, isValidExtensionNumber, isValidTenantCode } from "@/lib/telephony/allow-list";
import { platformDb, withAdmin, type TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { pbxHealth } from "@/server/services/pbx/ami-connections";
import { testRoute } from "@/server/services/routes/test-route";
import { callsMessage } from "./call-errors";
import { assertRouteSelected } from "./routability";

// The checks every call we start goes through (click-to-call, monitoring, conference legs), each
// refusing with its own message before anything is written or sent to Asterisk.

/** The first half of the two-int advisory key serialising a tenant's call starts ("calls concurrency"). */
export const CALL_CONCURRENCY_LOCK_CLASS = 0x6c63_6331; // "lcc1"

export type MemberExtension = { id: string; number: string; endpoint: string };

/**
 * The member's own extension, ready to ring: it exists, is enabled and a phone is registered on it.
 * A member with several extensions calls from the first usable one.
 */
export async function memberExtension(db: TenantDb, slug: string, membershipId: string | null): Promise<MemberExtension> {
  if (!membershipId) throw new AppError("FORBIDDEN", callsMessage("calls.errors.not_a_member"));
  const extensions = await db.extension.findMany({
    where: { membershipId },
    select: { id: true, number: true, enabled: true, registered: true },
    orderBy: { number: "asc" },
  });
  if (extensions.length === 0) throw new AppError("CONFLICT", callsMessage("calls.errors.no_extension"));
  const ready = extensions.find((e) => e.enabled && e.registered);
  if (!ready) {
    const enabled = extensions.find((e) => e.enabled);
    if (!enabled) throw new AppError("CONFLICT", callsMessage("calls.errors.extension_disabled", { extension: extensions[0]!.number }));
    throw new AppError("CONFLICT", callsMessage("calls.errors.extension_offline", { extension: enabled.number }));
  }
  // Both halves of the endpoint name reach an AMI header: checked again here, whatever the DB holds.
  if (!isValidTenantCode(slug) || !isValidExtensionNumber(ready.number))
    throw new AppError("CONFLICT", callsMessage("calls.errors.no_extension"));
  return { id: ready.id, number: ready.number, endpoint: extensionEndpoint(slug, ready.number) };
}

/**
 * The tenant's PBX node, if its AMI is connected. This process's own connection is the truth when
 * it holds one; otherwise the status the connecting process last wrote to PbxNode.
 */
export async function connectedPbxNode(tenantId: string): Promise<string> {
  const tenant = await platformDb().tenant.findUnique({
    where: { id: tenantId },
    select: { pbxNode: { select: { id: true, status: true } } },
  });
  const node = tenant?.pbxNode;
  if (!node) throw new AppError("PBX_UNAVAILABLE", callsMessage("calls.errors.no_pbx"));
  const health = pbxHealth(node.id);
  const connected = health ? health.state === "connected" : node.status === "connected";
  if (!connected) throw new AppError("PBX_UNAVAILABLE", callsMessage("calls.errors.pbx_unavailable"));
  return node.id;
}

/** A number a person or a record holds, as the `+E.164` we dial; null when it is not a phone number. */
export function dialableNumber(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  const digits = trimmed.replace(/[\s().-]/g, "");
  // The PBX reports E.164 digits without the +; a bare national number is read as Brazilian.
  const e164 = digits.startsWith("+") ? normalizePhone(digits) : (normalizePhone(`+${digits}`) ?? normalizePhone(digits));
  return e164 && isValidCallerIdNumber(e164) ? e164 : null;
}

/** Refuses a number no outbound route of the tenant (or the operator) would carry: the route tester's answer. */
export async function assertRoutable(tenantId: string, number: string): Promise<void> {
  // Operator routes are invisible to the tenant role; the tester reads them as the console does, for this tenant only.
  assertRouteSelected(await withAdmin((db) => testRoute(db, number, tenantId)), number);
}

/**
 * Inside the caller's transaction: serialises the tenant's call starts (two clicks at the limit
 * cannot both pass) and refuses when `adding` more calls would exceed the plan's maxConcurrentCalls.
 * Counts every call not ended and every external conference leg still calling or joined.
 */
export async function assertConcurrentCallsAvailable(db: TenantDb, tenantId: string, planId: string, adding = 1): Promise<void> {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(${CALL_CONCURRENCY_LOCK_CLASS}::int, hashtext(${tenantId}))`;
  const plan = await platformDb().plan.findUnique({ where: { id: planId }, select: { maxConcurrentCalls: true } });
  const limit = plan?.maxConcurrentCalls ?? 0;
  const calls = await db.call.count({ where: { state: { not: "ended" } } });
  const conferenceLegs = await db.conferenceParticipant.count({
    where: { state: { in: ["calling", "joined"] }, target: { startsWith: "+" }, conference: { endedAt: null } },
  });
  if (calls + conferenceLegs + adding > limit) throw new AppError("LIMIT_REACHED", callsMessage("calls.errors.limit_reached", { limit }));
}
