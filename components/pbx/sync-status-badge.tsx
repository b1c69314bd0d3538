"use client";

import { Badge } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";
import { useI18n } from "@/components/providers/i18n-provider";
import { isSyncInProgress, type PbxSyncStatus } from "@/lib/schemas/pbx";

const TONE: Record<PbxSyncStatus, "success" | "warning" | "danger" | "info" | "secondary"> = {
  queued: "info",
  running: "info",
  applied: "success",
  unchanged: "secondary",
  not_reloaded: "warning",
  failed: "danger",
};

/** A sync run's status, translated, with a spinner while it is queued or running. */
export function SyncStatusBadge({ status }: { status: PbxSyncStatus }) {
  const { t } = useI18n();
  return (
    <Badge variant={TONE[status]} data-testid="pbx-sync-status" data-status={status}>
      {isSyncInProgress(status) && <Spinner className="size-3" aria-hidden />}
      {t(`pbx.status.${status}`)}
    </Badge>
  );
}
