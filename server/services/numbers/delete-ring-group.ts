import type { RingGroupOutput } from "@/lib/schemas/numbers";
import type { TenantDb } from "@/server/db";
import { inUse } from "./numbers-errors";
import { getRingGroup } from "./save-ring-group";

/** Deletes a ring group no DID routes to (the members go with it; the extensions stay). */
export async function deleteRingGroup(db: TenantDb, id: string): Promise<RingGroupOutput> {
  // Raw SQL for the row lock: a DID route being saved to this group holds a key-share lock on it,
  // so this waits for that save and the check below sees it, instead of failing on the foreign key.
  await db.$queryRaw`SELECT 1 FROM "RingGroup" WHERE id = ${id}::uuid FOR UPDATE`;
  const group = await getRingGroup(db, id);
  if (group.usedBy.length > 0) throw inUse("ring_group", group.name, group.usedBy);
  await db.ringGroup.delete({ where: { id } });
  return group;
}
