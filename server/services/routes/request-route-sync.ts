import type { TenantDb } from "@/server/db";
import { requestPbxSync, requestTenantPbxSync } from "@/server/services/pbx/sync-requests";

/**
 * An operator route is rendered into every node's extensions_routes.conf; a tenant's override only
 * into the node that tenant lives on. Asks for a (debounced) sync of each affected node.
 */
export async function requestRouteSync(db: TenantDb, tenantId: string | null, reason: string): Promise<void> {
  if (tenantId) {
    await requestTenantPbxSync(tenantId, reason);
    return;
  }
  await requestSyncOfEveryNode(db, reason);
}

/** Gateways and operator routes are part of every node's config. */
export async function requestSyncOfEveryNode(db: TenantDb, reason: string): Promise<void> {
  const nodes = await db.pbxNode.findMany({ select: { id: true }, orderBy: { name: "asc" } });
  for (const node of nodes) await requestPbxSync({ nodeId: node.id, trigger: "auto", reason });
}
