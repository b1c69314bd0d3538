import { telephonyMessage } from "@/lib/schemas/extension";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";

export const extensionNotFound = () => new AppError("NOT_FOUND", telephonyMessage("telephony.extensions.errors.extension_not_found"));

function fieldError(code: "CONFLICT" | "INVALID_INPUT", field: string, message: string): AppError {
  return new AppError(code, message, { fieldErrors: { [field]: [message] } });
}

export function extensionNumberTaken(number: string): AppError {
  return fieldError("CONFLICT", "number", telephonyMessage("telephony.extensions.errors.number_taken", { number }));
}

/**
 * Member and caller-id checks count the tenant's extensions, and the schema has no unique index
 * on Extension.membershipId: locking the tenant row (as assertWithinPlanLimit does) makes two
 * concurrent saves for the same member run one after the other.
 */
export async function lockTenantExtensions(db: TenantDb, tenantId: string): Promise<void> {
  await db.$queryRaw`SELECT 1 FROM "Tenant" WHERE id = ${tenantId}::uuid FOR UPDATE`;
}

/** RLS hides another tenant's memberships, so one fails exactly like a missing one: as a field error. */
export async function assertMemberOfTenant(db: TenantDb, membershipId: string | null | undefined): Promise<void> {
  if (!membershipId) return;
  if (await db.membership.findUnique({ where: { id: membershipId }, select: { id: true } })) return;
  throw fieldError("INVALID_INPUT", "membershipId", telephonyMessage("telephony.extensions.errors.member_not_found"));
}

/** One extension per member: the phone a user's calls ring and are placed from is unambiguous. */
export async function assertMemberWithoutExtension(
  db: TenantDb,
  membershipId: string | null | undefined,
  exceptId?: string,
): Promise<void> {
  if (!membershipId) return;
  const other = await db.extension.findFirst({
    where: { membershipId, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { number: true },
  });
  if (other) {
    throw fieldError(
      "CONFLICT",
      "membershipId",
      telephonyMessage("telephony.extensions.errors.member_has_extension", { number: other.number }),
    );
  }
}

/**
 * An outbound caller id must be one of the tenant's own DIDs (RLS shows a tenant only its own):
 * presenting someone else's number is spoofing. Returns the number as the inventory spells it.
 */
export async function tenantDidNumber(
  db: TenantDb,
  tenantId: string,
  value: string | null | undefined,
  field: string,
  message: string,
): Promise<string | null> {
  if (!value) return null;
  const digits = value.replace(/^\+/, "");
  // tenantId is explicit: the console's handle sees every tenant's DIDs.
  const did = await db.did.findFirst({ where: { tenantId, number: { in: [digits, `+${digits}`] } }, select: { number: true } });
  if (!did) throw fieldError("INVALID_INPUT", field, message);
  return did.number;
}

/** Which DID (if any) still rings this extension: the DidRoute foreign keys would refuse the delete. */
export async function didRoutingToExtension(db: TenantDb, extensionId: string): Promise<string | null> {
  const route = await db.didRoute.findFirst({
    where: { OR: [{ extensionId }, { afterExtensionId: extensionId }] },
    select: { did: { select: { number: true } } },
  });
  return route?.did.number ?? null;
}

export function extensionInUseByDid(did: string): AppError {
  return new AppError("CONFLICT", telephonyMessage("telephony.extensions.errors.in_use_by_did", { did }), { did });
}
