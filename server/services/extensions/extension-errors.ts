import { plansMessage } from "@/lib/schemas/plan";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";

export const extensionNotFound = () => new AppError("NOT_FOUND", plansMessage("plans.extensions.errors.extension_not_found"));

export function extensionNumberTaken(number: string): AppError {
  const message = plansMessage("plans.extensions.errors.number_taken", { number });
  return new AppError("CONFLICT", message, { fieldErrors: { number: [message] } });
}

/** RLS hides another tenant's memberships, so one fails exactly like a missing one: as a field error. */
export async function assertMemberOfTenant(db: TenantDb, membershipId: string | null | undefined): Promise<void> {
  if (!membershipId) return;
  if (await db.membership.findUnique({ where: { id: membershipId }, select: { id: true } })) return;
  const message = plansMessage("plans.extensions.errors.member_not_found");
  throw new AppError("INVALID_INPUT", message, { fieldErrors: { membershipId: [message] } });
}
