import { platformDb } from "@/server/db";
import { logger } from "@/server/logger";
import { enqueuePbxSync } from "@/server/jobs/pbx-sync-queue";
import { pbxEnv } from "./pbx-env";
import { PBX_SYNC_REQUEST_LOCK_CLASS } from "./pbx-node-lock";

// Asking for a sync is cheap and never fails the caller's request: it records (or reuses) the
// node's queued PbxSync row and wakes the node's queue. Automatic requests wait PBX_SYNC_DEBOUNCE_MS
// so a burst of edits (a bulk "create extensions for everyone") becomes one sync; forced and
// startup syncs run at once. If the queue is down the row stays queued and the next wake-up (any
// later request, the app's start) runs it.

export type PbxSyncTrigger = "auto" | "manual" | "startup";

/** Finds the node's queued row (updating why it is wanted) or creates one; serialised per node. */
async function queuedRowFor(nodeId: string, trigger: PbxSyncTrigger, reason: string): Promise<string> {
  return platformDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PBX_SYNC_REQUEST_LOCK_CLASS}::int, hashtext(${nodeId}))`;
    const queued = await tx.pbxSync.findFirst({
      where: { pbxNodeId: nodeId, status: "queued" },
      orderBy: { queuedAt: "asc" },
      select: { id: true, trigger: true },
    });
    if (queued) {
      // A forced sync folded into a waiting automatic one makes it a forced one (it then runs at once).
      const { count } = await tx.pbxSync.updateMany({
        where: { id: queued.id, status: "queued" },
        data: trigger === "auto" ? {} : { trigger, reason: reason.slice(0, 200) },
      });
      if (count === 1) return queued.id;
    }
    const row = await tx.pbxSync.create({ data: { pbxNodeId: nodeId, trigger, reason: reason.slice(0, 200) }, select: { id: true } });
    return row.id;
  });
}

/** Queues a sync of one node (auto: debounced; manual/startup: at once). Returns the PbxSync row id. */
export async function requestPbxSync(input: {
  nodeId: string;
  trigger: PbxSyncTrigger;
  reason: string;
}): Promise<{ syncId: string | null }> {
  let syncId: string | null = null;
  try {
    syncId = await queuedRowFor(input.nodeId, input.trigger, input.reason);
    const delayMs = input.trigger === "auto" ? pbxEnv().debounceMs : 0;
    await enqueuePbxSync(input.nodeId, delayMs);
  } catch (error) {
    logger.error({ err: error, nodeId: input.nodeId, syncId, reason: input.reason }, "could not queue a PBX sync; it stays queued");
  }
  return { syncId };
}

/** Queues a debounced sync of the node the tenant lives on (no node: nothing to do). */
export async function requestTenantPbxSync(tenantId: string, reason: string): Promise<void> {
  try {
    const tenant = await platformDb().tenant.findUnique({ where: { id: tenantId }, select: { pbxNodeId: true } });
    if (tenant?.pbxNodeId) await requestPbxSync({ nodeId: tenant.pbxNodeId, trigger: "auto", reason });
  } catch (error) {
    logger.error({ err: error, tenantId, reason }, "could not queue the tenant's PBX sync");
  }
}

/** Syncs for several nodes at once (console changes that touch every node, or a tenant moving between two). */
export async function requestPbxSyncs(nodeIds: Iterable<string | null | undefined>, reason: string): Promise<void> {
  const unique = [...new Set([...nodeIds].filter((id): id is string => Boolean(id)))];
  await Promise.all(unique.map((nodeId) => requestPbxSync({ nodeId, trigger: "auto", reason })));
}
