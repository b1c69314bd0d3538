import type { ExtensionOption, RingGroupOutput } from "@/lib/schemas/numbers";
import type { TenantDb } from "@/server/db";
import { ringGroupSelect, toRingGroupOutput } from "./ring-group-output";
import { routedNumbersByTarget } from "./routed-numbers";

/**
 * The tenant's ring groups by name. A tenant has a handful (bounded by its extensions: a group
 * needs at least one), so the list is returned whole.
 */
export async function listRingGroups(db: TenantDb): Promise<RingGroupOutput[]> {
  const [rows, usedBy] = await Promise.all([
    db.ringGroup.findMany({ select: ringGroupSelect, orderBy: { name: "asc" } }),
    routedNumbersByTarget(db, "ringGroup"),
  ]);
  return rows.map((row) => toRingGroupOutput(row, usedBy.get(row.id) ?? []));
}

/** Numeric order for digit strings: "20" before "100". */
const byNumber = (a: { number: string }, b: { number: string }) => a.number.length - b.number.length || a.number.localeCompare(b.number);

/** Every extension of the tenant, for the member and destination pickers. */
export async function listExtensionOptions(db: TenantDb): Promise<ExtensionOption[]> {
  const rows = await db.extension.findMany({ select: { id: true, number: true, name: true, enabled: true } });
  return rows.sort(byNumber);
}
