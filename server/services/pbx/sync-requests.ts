// PLACEHOLDER until the sync engineer lands the real queue (issue 5): same signatures.
export type PbxSyncTrigger = "auto" | "manual" | "startup";

/** Queues a sync of one node (auto: debounced; manual/startup: at once). Returns the PbxSync row id. */
export async function requestPbxSync(_input: {
  nodeId: string;
  trigger: PbxSyncTrigger;
  reason: string;
}): Promise<{ syncId: string | null }> {
  return { syncId: null };
}

/** Queues a debounced sync of the node the tenant lives on (no node: nothing to do). */
export async function requestTenantPbxSync(_tenantId: string, _reason: string): Promise<void> {}
