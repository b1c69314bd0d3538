/**
 * Next.js calls register() once when a server process starts. Background schedules run only in
 * the Node.js runtime of a real server: never on the edge, and never under tests, which call the
 * job functions directly. The import sits inside the NEXT_RUNTIME branch (Next's documented form)
 * so the edge bundle never pulls in pg and the database code.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NODE_ENV !== "test" && !process.env.VITEST) {
    const { startScheduledJobs } = await import("./server/jobs/schedule-jobs");
    startScheduledJobs();
    // One AMI connection per PBX node: node status, health and the reload side of config sync.
    const { startPbxConnections } = await import("./server/services/pbx/ami-connections");
    // AMI_MAX_BACKOFF_MS caps the reconnect delay (default 30 s; the e2e run lowers it).
    const maxBackoffMs = Number(process.env.AMI_MAX_BACKOFF_MS) || undefined;
    await startPbxConnections(maxBackoffMs ? { client: { maxBackoffMs } } : {});
    // Call events of every node, written by the one instance holding that node's advisory lock.
    const { startCallIngest } = await import("./server/services/calls/ingest/call-ingest");
    await startCallIngest();
    // Config sync queues (one per node); syncs every node once at start and again on reconnect.
    const { startPbxSyncWorkers } = await import("./server/jobs/pbx-sync-queue");
    await startPbxSyncWorkers();
  }
}
