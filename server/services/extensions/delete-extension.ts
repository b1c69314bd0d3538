import type { ExtensionOutput } from "@/lib/schemas/extension";
import type { TenantDb } from "@/server/db";
import { extensionNotFound } from "./extension-errors";
import { extensionSelect, toExtensionOutput } from "./extension-output";

/** Deletes an extension (freeing a slot of the plan's limit); returns what was deleted. */
export async function deleteExtension(db: TenantDb, tenantSlug: string, id: string): Promise<ExtensionOutput> {
  const current = await db.extension.findUnique({ where: { id }, select: extensionSelect });
  if (!current) throw extensionNotFound();
  await db.extension.delete({ where: { id } });
  return toExtensionOutput(current, tenantSlug);
}
