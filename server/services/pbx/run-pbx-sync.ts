import { AmiError, type AmiClient } from "@/asterisk/ami/types";
import type { AtomicWriteHooks } from "@/asterisk/sync/atomic-file";
import { syncConfigFiles, type SyncFilesResult } from "@/asterisk/sync/sync-config-files";
import type { PbxSync, PbxSyncTrigger } from "@/prisma/generated/client";
import { platformDb, withAdmin } from "@/server/db";
import { logger } from "@/server/logger";
import { withNodeAmi } from "./ami-connections";
import { loadPbxConfigModel } from "./load-config-model";
import { nodeConfigDir } from "./node-config-dir";
import { withPbxNodeLock } from "./pbx-node-lock";
import { renderNodeConfig } from "./render-node-config";

// One sync run of one PBX node, recorded in a PbxSync row: queued → running → applied | unchanged |
// not_reloaded | failed. Runs of one node never overlap (advisory lock, across app instances); the
// files and the reload are asterisk/sync's job, this file reads the database and records the outcome.

export type RunPbxSyncOptions = {
  trigger: PbxSyncTrigger;
  reason: string | null;
  /** Run this queued row (from requestPbxSync) instead of creating one. */
  syncId?: string;
  /** Only for tests: a crash or a failure between write and rename. */
  hooks?: AtomicWriteHooks;
  backupsToKeep?: number;
};

/** A run that died with its process (the lock went with it) is still "running": close it. */
async function closeInterruptedRuns(nodeId: string): Promise<void> {
  await platformDb().pbxSync.updateMany({
    where: { pbxNodeId: nodeId, status: "running" },
    data: {
      status: "failed",
      finishedAt: new Date(),
      output: "Interrupted: the app stopped during this sync. The next sync repairs the files.",
    },
  });
}

async function claim(
  nodeId: string,
  syncId: string | undefined,
  options: Pick<RunPbxSyncOptions, "trigger" | "reason">,
): Promise<PbxSync | null> {
  const now = new Date();
  if (syncId) {
    const { count } = await platformDb().pbxSync.updateMany({
      where: { id: syncId, pbxNodeId: nodeId, status: "queued" },
      data: { status: "running", startedAt: now },
    });
    return count === 1 ? platformDb().pbxSync.findUnique({ where: { id: syncId } }) : null;
  }
  return platformDb().pbxSync.create({
    data: { pbxNodeId: nodeId, status: "running", trigger: options.trigger, reason: options.reason?.slice(0, 200), startedAt: now },
  });
}

/** The oldest queued run of the node, if any (what a queue job runs). */
async function oldestQueued(nodeId: string): Promise<string | null> {
  const row = await platformDb().pbxSync.findFirst({
    where: { pbxNodeId: nodeId, status: "queued" },
    orderBy: { queuedAt: "asc" },
    select: { id: true },
  });
  return row?.id ?? null;
}

/** Writes the files and reloads over the node's AMI, or writes them only when the AMI is down. */
async function applyFiles(
  nodeId: string,
  dir: string,
  rendered: Record<string, string>,
  common: { pendingReload: string[]; verify: { endpoints: number }; hooks?: AtomicWriteHooks; backupsToKeep?: number },
): Promise<SyncFilesResult> {
  let reached = false;
  try {
    return await withNodeAmi(nodeId, (ami: AmiClient) => {
      reached = true;
      return syncConfigFiles(dir, rendered, { ...common, ami });
    });
  } catch (error) {
    if (reached || !(error instanceof AmiError)) throw error;
    return syncConfigFiles(dir, rendered, { ...common, ami: null, amiUnavailableReason: error.message });
  }
}

async function execute(nodeId: string, run: PbxSync, options: Pick<RunPbxSyncOptions, "hooks" | "backupsToKeep">): Promise<PbxSync> {
  const started = Date.now();
  try {
    const node = await platformDb().pbxNode.findUniqueOrThrow({ where: { id: nodeId }, select: { pendingReload: true } });
    const model = await withAdmin((db) => loadPbxConfigModel(db, nodeId), { timeoutMs: 60_000 });
    const { files, endpoints } = renderNodeConfig(model);
    const result = await applyFiles(nodeId, nodeConfigDir(nodeId), files, {
      pendingReload: node.pendingReload,
      verify: { endpoints },
      hooks: options.hooks,
      backupsToKeep: options.backupsToKeep,
    });
    // After a failed run the disk holds the previous files again: their checksum is still the node's.
    await platformDb().pbxNode.update({
      where: { id: nodeId },
      data: { pendingReload: result.pendingReload, ...(result.status !== "failed" ? { configChecksum: result.checksum } : {}) },
    });
    return await platformDb().pbxSync.update({
      where: { id: run.id },
      data: {
        status: result.status,
        finishedAt: new Date(),
        durationMs: Date.now() - started,
        checksum: result.checksum,
        changedFiles: result.changedFiles,
        diff: result.diff,
        output: result.output || null,
      },
    });
  } catch (error) {
    // A refused value (renderer), a file system or database error: nothing was reloaded.
    const message = error instanceof Error ? error.message : String(error);
    logger.error({ err: error, nodeId, syncId: run.id }, "PBX sync failed");
    return platformDb().pbxSync.update({
      where: { id: run.id },
      data: { status: "failed", finishedAt: new Date(), durationMs: Date.now() - started, output: message.slice(0, 4000) },
    });
  }
}

/** Runs a sync of the node now (waiting for a run in progress), recording it in a PbxSync row. */
export async function runPbxSync(nodeId: string, options: RunPbxSyncOptions): Promise<PbxSync | null> {
  return withPbxNodeLock(nodeId, async () => {
    await closeInterruptedRuns(nodeId);
    const run = await claim(nodeId, options.syncId, options);
    // The queued row was already run (coalesced into an earlier run): nothing left to do.
    if (!run) return options.syncId ? platformDb().pbxSync.findUnique({ where: { id: options.syncId } }) : null;
    return execute(nodeId, run, options);
  });
}

/** What a queue job does: run the node's queued row, if one is still waiting. */
export async function runQueuedPbxSync(
  nodeId: string,
  options: Pick<RunPbxSyncOptions, "hooks" | "backupsToKeep"> = {},
): Promise<PbxSync | null> {
  return withPbxNodeLock(nodeId, async () => {
    await closeInterruptedRuns(nodeId);
    const syncId = await oldestQueued(nodeId);
    if (!syncId) return null;
    const run = await claim(nodeId, syncId, { trigger: "auto", reason: null });
    return run ? execute(nodeId, run, options) : null;
  });
}
