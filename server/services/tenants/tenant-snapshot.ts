import type { TenantDb } from "@/server/db";
import { tenantNotFound } from "./tenant-errors";

export const tenantSnapshotSelect = {
  id: true,
  slug: true,
  name: true,
  cnpj: true,
  contactEmail: true,
  status: true,
  suspendedAt: true,
  planId: true,
  pbxNodeId: true,
} as const;

/** The tenant's own fields, as audit entries record them before and after a change. */
export async function tenantSnapshot(db: TenantDb, id: string) {
  const row = await db.tenant.findUnique({ where: { id }, select: tenantSnapshotSelect });
  if (!row) throw tenantNotFound();
  return row;
}

export type TenantSnapshot = Awaited<ReturnType<typeof tenantSnapshot>>;
