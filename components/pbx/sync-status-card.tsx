"use client";

import { RefreshCwIcon } from "lucide-react";
import { useEffect, useRef, useTransition } from "react";
import { toast } from "sonner";
import { formatRelative } from "@/components/leads/relative-time";
import { useI18n } from "@/components/providers/i18n-provider";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { isSyncInProgress, type PbxHealth, type PbxNodeStatus, type PbxSyncSummary } from "@/lib/schemas/pbx";
import { syncPbx } from "@/server/actions/sync-pbx";
import { PbxHealthBadge } from "./pbx-health-badge";
import { SyncStatusBadge } from "./sync-status-badge";

export type SyncStatusCardProps = {
  /** null while loading. */
  node: { id?: string; name: string; status: PbxNodeStatus; health?: PbxHealth; pendingReload: boolean | string[] } | null;
  lastSync: PbxSyncSummary | null;
  /** Shows "Sincronizar agora" (the caller decides: super admin, or a tenant admin/owner). */
  canSync: boolean;
  /** Console: the node to sync. Tenants leave it out (the server uses the tenant's node). */
  nodeId?: string;
  /** Called once the server accepted the request: refetch the status (it then polls while queued/running). */
  onRequested?: (syncId: string) => void;
  loading?: boolean;
  /** A message in place of the body (no node, load error). */
  emptyMessage?: string;
};

/** Poll the status this often while the last run is queued or running (use as refetchInterval). */
export const SYNC_POLL_MS = 1500;
export const syncPollInterval = (status: PbxSyncSummary["status"] | null | undefined) => (isSyncInProgress(status) ? SYNC_POLL_MS : false);

function pendingModules(pending: boolean | string[]): string | null {
  if (Array.isArray(pending)) return pending.length ? pending.join(", ") : null;
  return pending ? "" : null;
}

/**
 * The node's sync at a glance: connection, last run (translated status, why, when, how long, which
 * files), Asterisk's answer when the caller may see it, and the forced sync with its pending state.
 */
export function SyncStatusCard({ node, lastSync, canSync, nodeId, onRequested, loading = false, emptyMessage }: SyncStatusCardProps) {
  const { t, locale } = useI18n();
  const [pending, startTransition] = useTransition();
  const requested = useRef<string | null>(null);

  // The toast for a forced sync comes when its run is over, not when it is queued.
  useEffect(() => {
    if (!lastSync || requested.current !== lastSync.id || isSyncInProgress(lastSync.status)) return;
    requested.current = null;
    const message = t(`pbx.sync.doneToast.${lastSync.status as "applied"}`);
    if (lastSync.status === "failed") toast.error(message);
    else if (lastSync.status === "not_reloaded") toast.warning(message);
    else toast.success(message);
  }, [lastSync, t]);

  const syncNow = () =>
    startTransition(async () => {
      const result = await syncPbx(nodeId ? { nodeId } : {});
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      requested.current = result.syncId;
      toast.info(t("pbx.sync.queuedToast"));
      onRequested?.(result.syncId);
    });

  // A run waiting in the queue (debounced) can still be forced to run now; a running one cannot.
  const busy = pending || lastSync?.status === "running";
  const modules = node ? pendingModules(node.pendingReload) : null;

  return (
    <Card data-testid="pbx-sync-card">
      <CardHeader>
        <CardTitle>{t("pbx.sync.heading")}</CardTitle>
        <CardDescription>{t("pbx.sync.description")}</CardDescription>
        {canSync && node && (
          <CardAction>
            <Button onClick={syncNow} disabled={busy} aria-busy={busy}>
              <RefreshCwIcon className={busy ? "animate-spin" : undefined} aria-hidden />
              {busy ? t("pbx.sync.syncing") : t("pbx.sync.syncNow")}
            </Button>
          </CardAction>
        )}
      </CardHeader>
      <CardContent className="flex flex-col gap-4 text-sm">
        {loading ? (
          <div className="flex flex-col gap-2" aria-busy>
            <Skeleton className="h-5 w-48" />
            <Skeleton className="h-5 w-72" />
          </div>
        ) : !node ? (
          <p className="text-muted-foreground">{emptyMessage ?? t("pbx.sync.noNode")}</p>
        ) : (
          <>
            <dl className="grid grid-cols-[max-content_1fr] items-start gap-x-6 gap-y-2">
              <dt className="text-muted-foreground">{t("pbx.sync.node")}</dt>
              <dd className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{node.name}</span>
                <PbxHealthBadge status={node.status} health={node.health ?? null} showDetail />
              </dd>
              <dt className="text-muted-foreground">{t("pbx.sync.lastSync")}</dt>
              <dd className="flex flex-col gap-1" aria-live="polite">
                {lastSync ? (
                  <>
                    <span className="flex flex-wrap items-center gap-2">
                      <SyncStatusBadge status={lastSync.status} />
                      <span>{t(`pbx.trigger.${lastSync.trigger}`)}</span>
                      <time
                        dateTime={(lastSync.finishedAt ?? lastSync.queuedAt).toISOString()}
                        title={(lastSync.finishedAt ?? lastSync.queuedAt).toLocaleString(locale)}
                      >
                        {formatRelative(lastSync.finishedAt ?? lastSync.queuedAt, new Date(), locale)}
                      </time>
                      {lastSync.durationMs !== null && (
                        <span className="text-muted-foreground">
                          {t("pbx.sync.duration", { seconds: (lastSync.durationMs / 1000).toFixed(1) })}
                        </span>
                      )}
                    </span>
                    <span className="text-muted-foreground">{t(`pbx.statusHint.${lastSync.status}`)}</span>
                    {lastSync.changedFiles.length > 0 && (
                      <span className="text-muted-foreground">
                        {t("pbx.sync.changedFiles", { files: lastSync.changedFiles.join(", ") })}
                      </span>
                    )}
                  </>
                ) : (
                  <span className="text-muted-foreground">{t("pbx.sync.never")}</span>
                )}
              </dd>
            </dl>
            {modules !== null && (
              <p className="rounded-md border border-warning/30 bg-warning/10 px-3 py-2 text-warning" role="status">
                {modules ? t("pbx.sync.pending", { modules }) : t("pbx.sync.pendingReload")}
              </p>
            )}
            {lastSync?.output && (
              <details className="rounded-md border">
                <summary className="cursor-pointer px-3 py-2 font-medium">{t("pbx.sync.output")}</summary>
                <pre className="max-h-64 overflow-auto border-t bg-muted/40 px-3 py-2 text-xs whitespace-pre-wrap">{lastSync.output}</pre>
              </details>
            )}
            {!canSync && <p className="text-xs text-muted-foreground">{t("pbx.sync.readOnly")}</p>}
          </>
        )}
      </CardContent>
    </Card>
  );
}
