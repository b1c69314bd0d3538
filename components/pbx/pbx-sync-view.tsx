"use client";

import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { isSyncInProgress } from "@/lib/schemas/pbx";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { SyncDiff } from "./sync-diff";
import { SyncHistoryTable } from "./sync-history-table";
import { SyncStatusCard, syncPollInterval } from "./sync-status-card";

/** /telephony/sync: the tenant's PBX node, its last sync (polled while running), the tenant's part of the last change, and the history. */
export function PbxSyncView() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery({
    ...trpc.telephony.pbx.status.queryOptions(),
    refetchInterval: (query) => syncPollInterval(query.state.data?.lastSync?.status),
  });
  const history = useInfiniteQuery(
    trpc.telephony.pbx.history.infiniteQueryOptions({ limit: 10 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const lastStatus = status.data?.lastSync?.status;
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.telephony.pbx.pathKey() });

  // When a run ends, the history shows it without a reload of the page.
  const previous = useRef(lastStatus);
  useEffect(() => {
    if (isSyncInProgress(previous.current) && !isSyncInProgress(lastStatus)) {
      void queryClient.invalidateQueries({ queryKey: trpc.telephony.pbx.history.pathKey() });
    }
    previous.current = lastStatus;
  }, [lastStatus, queryClient, trpc]);

  return (
    <section className="flex flex-col gap-4" aria-labelledby="pbx-sync-heading">
      <h2 id="pbx-sync-heading" className="sr-only">
        {t("pbx.sync.heading")}
      </h2>
      <SyncStatusCard
        key={status.data?.node?.name ?? "none"}
        node={status.data?.node ?? null}
        lastSync={status.data?.lastSync ?? null}
        canSync={status.data?.canSync ?? false}
        loading={status.isPending}
        emptyMessage={status.isError ? t("pbx.sync.loadError") : undefined}
        onRequested={() => void refresh()}
      />
      {status.data?.lastChange && (
        <div className="flex flex-col gap-2">
          <h3 className="text-base font-semibold">{t("pbx.diff.heading")}</h3>
          <SyncDiff diff={status.data.lastChange.diff} note={t("pbx.diff.tenantNote")} />
        </div>
      )}
      <div className="flex flex-col gap-2">
        <h3 className="text-base font-semibold">{t("pbx.history.heading")}</h3>
        <SyncHistoryTable
          items={history.data?.pages.flatMap((page) => page.items) ?? []}
          loading={history.isPending}
          hasMore={history.hasNextPage}
          loadingMore={history.isFetchingNextPage}
          onLoadMore={() => void history.fetchNextPage()}
        />
      </div>
    </section>
  );
}
