"use client";

import { useI18n } from "@/components/providers/i18n-provider";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PbxSyncSummary } from "@/lib/schemas/pbx";
import { SyncStatusBadge } from "./sync-status-badge";

export type SyncHistoryTableProps = {
  items: PbxSyncSummary[];
  loading?: boolean;
  hasMore?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
};

/** A node's runs, newest first, with "load more" (keyset pages). */
export function SyncHistoryTable({ items, loading = false, hasMore = false, loadingMore = false, onLoadMore }: SyncHistoryTableProps) {
  const { t, locale } = useI18n();
  if (loading) {
    return (
      <div className="flex flex-col gap-2" aria-busy>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-8 w-full" />
        ))}
      </div>
    );
  }
  if (items.length === 0) return <p className="text-sm text-muted-foreground">{t("pbx.history.empty")}</p>;
  return (
    <div className="flex flex-col gap-2">
      <Table data-testid="pbx-sync-history">
        <TableHeader>
          <TableRow>
            <TableHead>{t("pbx.history.when")}</TableHead>
            <TableHead>{t("pbx.history.status")}</TableHead>
            <TableHead>{t("pbx.history.trigger")}</TableHead>
            <TableHead>{t("pbx.history.files")}</TableHead>
            <TableHead className="text-right">{t("pbx.history.duration")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((run) => (
            <TableRow key={run.id}>
              <TableCell className="whitespace-nowrap">
                <time dateTime={run.queuedAt.toISOString()}>
                  {run.queuedAt.toLocaleString(locale, { dateStyle: "short", timeStyle: "medium" })}
                </time>
              </TableCell>
              <TableCell>
                <SyncStatusBadge status={run.status} />
              </TableCell>
              <TableCell>{t(`pbx.trigger.${run.trigger}`)}</TableCell>
              <TableCell className="max-w-80 truncate font-mono text-xs" title={run.changedFiles.join(", ")}>
                {run.changedFiles.length ? run.changedFiles.join(", ") : t("pbx.history.noFiles")}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {run.durationMs === null ? "—" : `${(run.durationMs / 1000).toFixed(1)} s`}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {hasMore && (
        <Button variant="outline" className="self-center" onClick={onLoadMore} disabled={loadingMore}>
          {t("pbx.history.loadMore")}
        </Button>
      )}
    </div>
  );
}
