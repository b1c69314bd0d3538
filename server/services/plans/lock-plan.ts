import type { TenantDb } from "@/server/db";
import { planNotFound } from "./plan-errors";

/**
 * Locks the plan row for the rest of the transaction, or throws NOT_FOUND. Assigning a tenant to
 * the plan (the foreign key takes a share lock on this row) waits for us, so "no tenant uses it"
 * stays true until a delete commits, and two edits of one plan never interleave.
 */
export async function lockPlan(db: TenantDb, id: string): Promise<void> {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT id FROM "Plan" WHERE id = ${id}::uuid FOR UPDATE`;
  if (rows.length === 0) throw planNotFound();
}
