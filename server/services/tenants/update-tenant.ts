import type { z } from "zod";
import type { TenantDetail, TenantUpdateInput } from "@/lib/schemas/tenant";
import type { TenantDb } from "@/server/db";
import type { ConsoleDeps } from "./console-deps";
import { assertFitsPlan, assertPbxNodeExists, assertPlanOffered } from "./tenant-references";
import { getTenant } from "./get-tenant";
import { tenantSnapshot, tenantSnapshotSelect } from "./tenant-snapshot";

type UpdateData = z.output<typeof TenantUpdateInput>["data"];

/**
 * Name, CNPJ, contact e-mail, plan and PBX node. The slug is not editable: it is the tenant's
 * subdomain (bookmarks, sessions) and the prefix of its SIP endpoints on the PBX.
 */
export async function updateTenant(db: TenantDb, id: string, data: UpdateData, deps: Pick<ConsoleDeps, "audit">): Promise<TenantDetail> {
  // Locks the row: a concurrent plan change cannot slip between the limit check and the write.
  await db.$queryRaw`SELECT 1 FROM "Tenant" WHERE id = ${id}::uuid FOR UPDATE`;
  const before = await tenantSnapshot(db, id);
  if (data.planId && data.planId !== before.planId) {
    await assertPlanOffered(db, data.planId, before.planId);
    await assertFitsPlan(db, id, data.planId);
  }
  if (data.pbxNodeId !== before.pbxNodeId) await assertPbxNodeExists(db, data.pbxNodeId);
  const after = await db.tenant.update({ where: { id }, data, select: tenantSnapshotSelect });
  await deps.audit({ action: "tenant.update", objectType: "tenant", objectId: id, tenantId: id, before, after });
  return getTenant(db, id);
}
