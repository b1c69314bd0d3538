import { filterDiffForTenant } from "@/asterisk/sync/tenant-diff";
import type { PbxSyncPage, PbxSyncState, PbxSyncSummary, TenantPbxStatus } from "@/lib/schemas/pbx";
import type { MemberRole, PbxSync } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { pbxHealth } from "./ami-connections";
import { nodeConfigDir } from "./node-config-dir";

// What the sync pages show. PbxNode and PbxSync are platform tables without row-level security, so
// the tenant's handle can read them too: the tenant functions below pick only its own node and
// strip what belongs to the operator (Asterisk's raw output, other tenants' lines of the diff).

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

type SummaryRow = Pick<PbxSync, keyof typeof summarySelect>;

/**
 * Tenants see neither Asterisk's raw output (it names other tenants' endpoints) nor the reason a run
 * happened (the operator's e-mail, another tenant's change).
 */
const summary = (row: SummaryRow, operator: boolean): PbxSyncSummary => (operator ? row : { ...row, output: null, reason: null });

const byNewest = [{ queuedAt: "desc" as const }, { id: "desc" as const }];

async function lastChange(db: TenantDb, nodeId: string) {
  return db.pbxSync.findFirst({
    where: { pbxNodeId: nodeId, changedFiles: { isEmpty: false }, status: { in: ["applied", "not_reloaded", "failed"] } },
    orderBy: byNewest,
    select: { id: true, finishedAt: true, changedFiles: true, diff: true },
  });
}

/** The operator's view of one node's sync. */
export async function pbxSyncState(db: TenantDb, nodeId: string): Promise<PbxSyncState> {
  const node = await db.pbxNode.findUnique({
    where: { id: nodeId },
    select: {
      id: true,
      name: true,
      status: true,
      statusChangedAt: true,
      amiError: true,
      configChecksum: true,
      pendingReload: true,
      configDir: true,
    },
  });
  if (!node) throw new AppError("NOT_FOUND", "errors.not_found");
  const last = await db.pbxSync.findFirst({ where: { pbxNodeId: nodeId }, orderBy: byNewest, select: summarySelect });
  return {
    node: { ...node, writeDir: nodeConfigDir(nodeId) },
    health: pbxHealth(nodeId),
    lastSync: last ? summary(last, true) : null,
    lastChange: await lastChange(db, nodeId),
  };
}

async function page(
  db: TenantDb,
  nodeId: string,
  input: { cursor?: string | null; limit: number },
  withOutput: boolean,
): Promise<PbxSyncPage> {
  const rows = await db.pbxSync.findMany({
    where: { pbxNodeId: nodeId },
    orderBy: byNewest,
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: summarySelect,
  });
  const items = rows.slice(0, input.limit).map((row) => summary(row, withOutput));
  return { items, nextCursor: rows.length > input.limit ? items.at(-1)!.id : null };
}

/** A node's runs, newest first, keyset-paged by the last id seen. */
export async function listPbxSyncs(db: TenantDb, nodeId: string, input: { cursor?: string | null; limit: number }): Promise<PbxSyncPage> {
  if (!(await db.pbxNode.findUnique({ where: { id: nodeId }, select: { id: true } }))) throw new AppError("NOT_FOUND", "errors.not_found");
  if (input.cursor && !(await db.pbxSync.findFirst({ where: { id: input.cursor, pbxNodeId: nodeId }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", "errors.not_found");
  }
  return page(db, nodeId, input, true);
}

type TenantRef = { id: string; slug: string };

async function tenantNode(db: TenantDb, tenantId: string) {
  const tenant = await db.tenant.findUnique({
    where: { id: tenantId },
    select: { pbxNode: { select: { id: true, name: true, status: true, statusChangedAt: true, pendingReload: true } } },
  });
  return tenant?.pbxNode ?? null;
}

const SYNC_ROLES: MemberRole[] = ["admin", "owner"];

/** The tenant's view: its node, the last run (without Asterisk's raw output) and, for admins, its own part of the last change. */
export async function tenantPbxStatus(
  db: TenantDb,
  tenant: TenantRef,
  viewer: { role: MemberRole; isMember: boolean },
): Promise<TenantPbxStatus> {
  const node = await tenantNode(db, tenant.id);
  const isAdmin = SYNC_ROLES.includes(viewer.role);
  if (!node) return { node: null, lastSync: null, lastChange: null, canSync: false };
  const last = await db.pbxSync.findFirst({ where: { pbxNodeId: node.id }, orderBy: byNewest, select: summarySelect });
  const change = isAdmin ? await lastChange(db, node.id) : null;
  const health = pbxHealth(node.id);
  return {
    node: {
      name: node.name,
      status: node.status,
      statusChangedAt: node.statusChangedAt,
      connected: health ? health.state === "connected" : node.status === "connected",
      pendingReload: node.pendingReload.length > 0,
    },
    lastSync: last ? summary(last, false) : null,
    lastChange: change ? { ...change, ...tenantPartOf(change.diff, tenant.slug) } : null,
    canSync: isAdmin && viewer.isMember,
  };
}

function tenantPartOf(diff: string | null, code: string): { diff: string | null; changedFiles: string[] } {
  const own = diff ? filterDiffForTenant(diff, code) : "";
  const files = [...own.matchAll(/^\+\+\+ b\/(\S+)$/gm)].map((m) => m[1]!);
  return { diff: own || null, changedFiles: files };
}

/** The tenant's node's recent runs, summarised (no output). */
export async function tenantPbxHistory(
  db: TenantDb,
  tenantId: string,
  input: { cursor?: string | null; limit: number },
): Promise<PbxSyncPage> {
  const node = await tenantNode(db, tenantId);
  if (!node) return { items: [], nextCursor: null };
  if (input.cursor && !(await db.pbxSync.findFirst({ where: { id: input.cursor, pbxNodeId: node.id }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", "errors.not_found");
  }
  return page(db, node.id, input, false);
}
