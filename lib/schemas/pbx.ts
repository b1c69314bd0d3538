import { z } from "zod";

// The PBX config sync as the UI sees it: the tenant's telephony › sync page (telephony.pbx) and
// the console's PBX node page (admin.pbx) share these outputs and the components/pbx components.

export const PBX_SYNC_STATUSES = ["queued", "running", "applied", "unchanged", "not_reloaded", "failed"] as const;
export const PbxSyncStatus = z.enum(PBX_SYNC_STATUSES);
export type PbxSyncStatus = z.infer<typeof PbxSyncStatus>;

export const PBX_SYNC_TRIGGERS = ["auto", "manual", "startup"] as const;
export const PbxSyncTrigger = z.enum(PBX_SYNC_TRIGGERS);
export type PbxSyncTrigger = z.infer<typeof PbxSyncTrigger>;

export const PBX_NODE_STATUSES = ["unknown", "connected", "disconnected", "maintenance"] as const;
export const PbxNodeStatus = z.enum(PBX_NODE_STATUSES);
export type PbxNodeStatus = z.infer<typeof PbxNodeStatus>;

/** While a sync is in one of these, the UI polls. */
export const isSyncInProgress = (status: PbxSyncStatus | null | undefined) => status === "queued" || status === "running";

export const PbxSyncSummary = z.object({
  id: z.string(),
  status: PbxSyncStatus,
  trigger: PbxSyncTrigger,
  reason: z.string().nullable(),
  queuedAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  durationMs: z.number().int().nullable(),
  changedFiles: z.array(z.string()),
  /** Asterisk's output or the failure's reason (operator only; null for tenants). */
  output: z.string().nullable(),
});
export type PbxSyncSummary = z.infer<typeof PbxSyncSummary>;

/** The latest run that changed files, with its unified diff (secrets masked). */
export const PbxSyncChange = z.object({
  id: z.string(),
  finishedAt: z.date().nullable(),
  changedFiles: z.array(z.string()),
  diff: z.string().nullable(),
});
export type PbxSyncChange = z.infer<typeof PbxSyncChange>;

export const AmiState = z.enum(["idle", "connecting", "connected", "reconnecting", "auth_failed", "closed"]);
export type AmiState = z.infer<typeof AmiState>;

/** The AMI connection of a node as the connector sees it in this app instance (null: not watched here). */
export const PbxHealth = z
  .object({
    state: AmiState,
    host: z.string(),
    port: z.number().int(),
    since: z.date(),
    connectedAt: z.date().nullable(),
    lastError: z.string().nullable(),
    attempts: z.number().int(),
    nextRetryAt: z.date().nullable(),
  })
  .nullable();
export type PbxHealth = z.infer<typeof PbxHealth>;

export const PbxSyncState = z.object({
  node: z.object({
    id: z.string(),
    name: z.string(),
    status: PbxNodeStatus,
    statusChangedAt: z.date().nullable(),
    amiError: z.string().nullable(),
    configChecksum: z.string().nullable(),
    pendingReload: z.array(z.string()),
    /** Where this app writes the files. */
    writeDir: z.string(),
    /** Where the PBX host reads them (the base files' #include path). */
    configDir: z.string(),
  }),
  health: PbxHealth,
  lastSync: PbxSyncSummary.nullable(),
  lastChange: PbxSyncChange.nullable(),
});
export type PbxSyncState = z.infer<typeof PbxSyncState>;

export const PBX_SYNC_PAGE_MAX = 100;

export const PbxSyncListInput = z.object({
  nodeId: z.uuid(),
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(PBX_SYNC_PAGE_MAX).default(20),
});
export type PbxSyncListInput = z.input<typeof PbxSyncListInput>;

export const PbxSyncPage = z.object({ items: z.array(PbxSyncSummary), nextCursor: z.string().nullable() });
export type PbxSyncPage = z.infer<typeof PbxSyncPage>;

/** The tenant's view: its node, the last run, and (admins) its own part of the last change. */
export const TenantPbxStatus = z.object({
  node: z
    .object({
      name: z.string(),
      status: PbxNodeStatus,
      statusChangedAt: z.date().nullable(),
      connected: z.boolean(),
      /** Modules written but not yet loaded by Asterisk. */
      pendingReload: z.boolean(),
    })
    .nullable(),
  lastSync: PbxSyncSummary.nullable(),
  /** Admins and owners only: the last change limited to this tenant's own sections. */
  lastChange: PbxSyncChange.nullable(),
  canSync: z.boolean(),
});
export type TenantPbxStatus = z.infer<typeof TenantPbxStatus>;

export const TenantPbxHistoryInput = z
  .object({ cursor: z.string().nullish(), limit: z.number().int().min(1).max(50).default(10) })
  .optional();
export const TenantPbxHistory = PbxSyncPage;

export const SyncPbxInput = z.object({ nodeId: z.uuid().optional() });
export type SyncPbxInput = z.infer<typeof SyncPbxInput>;

export type SyncPbxResult = { ok: true; syncId: string } | { ok: false; error: string };
