import { z } from "zod";
import { PbxSyncState, PbxSyncSummary } from "@/lib/schemas/pbx";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { pbxHealth } from "@/server/services/pbx/ami-connections";
import { pbxSyncState } from "@/server/services/pbx/sync-state";
import { PbxConnection, pbxConnection } from "./pbx-node-connection";

export const PbxNodeListItem = z.object({
  id: z.string(),
  name: z.string(),
  amiHost: z.string(),
  amiPort: z.number().int(),
  connection: PbxConnection,
  tenantCount: z.number().int(),
  lastSync: PbxSyncSummary.nullable(),
});
export type PbxNodeListItem = z.infer<typeof PbxNodeListItem>;

export const PbxNodeDetail = PbxSyncState.extend({
  ami: z.object({ host: z.string(), port: z.number().int(), user: z.string() }),
  connection: PbxConnection,
  tenants: z.array(z.object({ id: z.string(), name: z.string(), slug: z.string(), status: z.string() })),
});
export type PbxNodeDetail = z.infer<typeof PbxNodeDetail>;

const nodeSelect = {
  id: true,
  name: true,
  amiHost: true,
  amiPort: true,
  amiUser: true,
  status: true,
  statusChangedAt: true,
  amiError: true,
  _count: { select: { tenants: true } },
} as const;

const summarySelect = {
  id: true,
  status: true,
  trigger: true,
  reason: true,
  queuedAt: true,
  startedAt: true,
  finishedAt: true,
  durationMs: true,
  changedFiles: true,
  output: true,
} as const;

/** Every node with its connection, tenants and last sync: the console's PBX list (a handful of nodes). */
export async function listPbxNodeOverview(db: TenantDb): Promise<PbxNodeListItem[]> {
  const nodes = await db.pbxNode.findMany({ select: nodeSelect, orderBy: { name: "asc" } });
  // The latest run per node in one query (DISTINCT ON), not one query per node.
  const last = await db.pbxSync.findMany({
    where: { pbxNodeId: { in: nodes.map((n) => n.id) } },
    orderBy: [{ pbxNodeId: "asc" }, { queuedAt: "desc" }, { id: "desc" }],
    distinct: ["pbxNodeId"],
    select: { ...summarySelect, pbxNodeId: true },
  });
  const lastByNode = new Map(last.map(({ pbxNodeId, ...run }) => [pbxNodeId, run]));
  return nodes.map(({ _count, status, statusChangedAt, amiError, amiUser: _user, ...node }) => ({
    ...node,
    connection: pbxConnection({ status, statusChangedAt, amiError }, pbxHealth(node.id)),
    tenantCount: _count.tenants,
    lastSync: lastByNode.get(node.id) ?? null,
  }));
}

/** One node: its sync state (engineer S's), AMI target, connection and the tenants it serves. */
export async function getPbxNodeOverview(db: TenantDb, id: string): Promise<PbxNodeDetail> {
  const node = await db.pbxNode.findUnique({ where: { id }, select: nodeSelect });
  if (!node) throw new AppError("NOT_FOUND", "routes.pbx.notFound");
  const state = await pbxSyncState(db, id);
  const tenants = await db.tenant.findMany({
    where: { pbxNodeId: id },
    select: { id: true, name: true, slug: true, status: true },
    orderBy: { name: "asc" },
    take: 200,
  });
  return {
    ...state,
    ami: { host: node.amiHost, port: node.amiPort, user: node.amiUser },
    connection: pbxConnection(node, state.health),
    tenants,
  };
}
