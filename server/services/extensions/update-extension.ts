import type { z } from "zod";
import type { ExtensionOutput, ExtensionUpdateInput } from "@/lib/schemas/extension";
import type { TenantDb } from "@/server/db";
import { assertMemberOfTenant, extensionNotFound } from "./extension-errors";
import { extensionSelect, toExtensionOutput } from "./extension-output";

type UpdateData = z.output<typeof ExtensionUpdateInput>["data"];

/** Renames an extension or (un)assigns its member; the number and secret stay. */
export async function updateExtension(
  db: TenantDb,
  tenantSlug: string,
  id: string,
  data: UpdateData,
): Promise<{ before: ExtensionOutput; after: ExtensionOutput }> {
  const current = await db.extension.findUnique({ where: { id }, select: extensionSelect });
  if (!current) throw extensionNotFound();
  await assertMemberOfTenant(db, data.membershipId);
  const { number: _immutable, ...changes } = data;
  const row = await db.extension.update({ where: { id }, data: changes, select: extensionSelect });
  return { before: toExtensionOutput(current, tenantSlug), after: toExtensionOutput(row, tenantSlug) };
}
