import type { ExtensionOutput } from "@/lib/schemas/extension";
import { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { didRoutingToExtension, extensionInUseByDid, extensionNotFound } from "./extension-errors";
import { extensionSelect, toExtensionOutput } from "./extension-output";

/**
 * Deletes an extension (freeing a slot of the plan's limit; its ring-group memberships cascade).
 * Refused, naming the DID, while a number still rings it: the DidRoute foreign key is RESTRICT.
 */
export async function deleteExtension(db: TenantDb, tenantSlug: string, id: string): Promise<ExtensionOutput> {
  const current = await db.extension.findUnique({ where: { id }, select: extensionSelect });
  if (!current) throw extensionNotFound();
  const did = await didRoutingToExtension(db, id);
  if (did) throw extensionInUseByDid(did);
  // A DID routed to it between the check and the delete makes the foreign key refuse; the
  // savepoint keeps the transaction usable to find which DID it was.
  await db.$executeRaw`SAVEPOINT extension_delete`;
  try {
    await db.extension.delete({ where: { id } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2003" || error.code === "P2014")) {
      await db.$executeRaw`ROLLBACK TO SAVEPOINT extension_delete`;
      const raced = await didRoutingToExtension(db, id);
      if (raced) throw extensionInUseByDid(raced);
    }
    throw error;
  }
  return toExtensionOutput(current, tenantSlug);
}
