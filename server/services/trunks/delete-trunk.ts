import type { TrunkOutput } from "@/lib/schemas/trunk";
import { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { assertEditableBy, didRoutingToTrunk, trunkInUseByDid, trunkNotFound, type TrunkEditor } from "./trunk-errors";
import { toTrunkOutput, trunkSelect } from "./trunk-output";
import type { TrunkTenant } from "./trunk-scope";

/** Deletes a trunk; refused, naming the DID, while a number still rings it (the DidRoute foreign key is RESTRICT). */
export async function deleteTrunk(db: TenantDb, tenant: TrunkTenant, id: string, editor: TrunkEditor): Promise<TrunkOutput> {
  const current = await db.trunk.findFirst({ where: { id, tenantId: tenant.id }, select: trunkSelect });
  if (!current) throw trunkNotFound();
  assertEditableBy(current, editor);
  const did = await didRoutingToTrunk(db, tenant.id, id);
  if (did) throw trunkInUseByDid(did);
  // A DID routed to it between the check and the delete makes the foreign key refuse; the
  // savepoint keeps the transaction usable to find which DID it was.
  await db.$executeRaw`SAVEPOINT trunk_delete`;
  try {
    await db.trunk.delete({ where: { id } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2003" || error.code === "P2014")) {
      await db.$executeRaw`ROLLBACK TO SAVEPOINT trunk_delete`;
      const raced = await didRoutingToTrunk(db, tenant.id, id);
      if (raced) throw trunkInUseByDid(raced);
    }
    throw error;
  }
  return toTrunkOutput(current, tenant.slug);
}
