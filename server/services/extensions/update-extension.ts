import type { z } from "zod";
import { telephonyMessage, type ExtensionOutput, type ExtensionUpdateInput } from "@/lib/schemas/extension";
import type { TenantDb } from "@/server/db";
import {
  assertMemberOfTenant,
  assertMemberWithoutExtension,
  extensionNotFound,
  lockTenantExtensions,
  tenantDidNumber,
} from "./extension-errors";
import { extensionSelect, toExtensionOutput } from "./extension-output";

type UpdateData = z.output<typeof ExtensionUpdateInput>["data"];

/** Changes anything but the number and the secret; fields left out stay as they are. */
export async function updateExtension(
  db: TenantDb,
  tenant: { id: string; slug: string },
  id: string,
  data: UpdateData,
): Promise<{ before: ExtensionOutput; after: ExtensionOutput }> {
  if (data.membershipId) await lockTenantExtensions(db, tenant.id);
  const current = await db.extension.findUnique({ where: { id }, select: extensionSelect });
  if (!current) throw extensionNotFound();
  await assertMemberOfTenant(db, data.membershipId);
  await assertMemberWithoutExtension(db, data.membershipId, id);
  const { number: _immutable, callerIdNumber, ...changes } = data;
  const row = await db.extension.update({
    where: { id },
    data: {
      ...changes,
      ...(callerIdNumber !== undefined
        ? {
            callerIdNumber: await tenantDidNumber(
              db,
              tenant.id,
              callerIdNumber,
              "callerIdNumber",
              telephonyMessage("telephony.extensions.errors.caller_id_not_did"),
            ),
          }
        : {}),
    },
    select: extensionSelect,
  });
  return { before: toExtensionOutput(current, tenant.slug), after: toExtensionOutput(row, tenant.slug) };
}
