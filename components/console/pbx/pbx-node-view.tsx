"use client";

import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeftIcon, FolderIcon } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { LoadError } from "@/components/console/inventory/list-states";
import { SyncDiff } from "@/components/pbx/sync-diff";
import { SyncHistoryTable } from "@/components/pbx/sync-history-table";
import { SyncStatusCard, syncPollInterval } from "@/components/pbx/sync-status-card";
import { isSyncInProgress } from "@/lib/schemas/pbx";
import { ConnectionBadge } from "./connection-badge";

/**
 * /pbx/[id]: the node's connection (and why it is down), where its files go, its last sync with the
 * forced sync (engineer S's card and server action), the last change's diff and the history.
 */
export function PbxNodeView({ nodeId }: { nodeId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const node = useQuery({
    ...trpc.admin.pbx.get.queryOptions({ id: nodeId }),
    refetchInterval: (query) => syncPollInterval(query.state.data?.lastSync?.status) || 10_000,
  });
  const history = useInfiniteQuery(
    trpc.admin.pbx.syncs.infiniteQueryOptions({ nodeId, limit: 20 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const lastStatus = node.data?.lastSync?.status;
  const previous = useRef(lastStatus);
  useEffect(() => {
    // A run that just finished shows up in the history without a reload.
    if (previous.current !== lastStatus) void queryClient.invalidateQueries({ queryKey: trpc.admin.pbx.syncs.pathKey() });
    previous.current = lastStatus;
  }, [lastStatus, queryClient, trpc]);

  if (node.isError) {
    return (
      <div className="mx-auto flex max-w-5xl flex-col gap-4">
        <BackLink />
        <Card>
          {node.error.data?.code === "NOT_FOUND" ? (
            <p className="p-10 text-center">{t("routes.pbx.notFound")}</p>
          ) : (
            <LoadError onRetry={() => void node.refetch()} />
          )}
        </Card>
      </div>
    );
  }
  const data = node.data;
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4">
      <BackLink />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{data?.node.name ?? <Skeleton className="h-8 w-40" />}</h1>
          {data && (
            <p className="font-mono text-sm text-muted-foreground">
              AMI {data.ami.user}@{data.ami.host}:{data.ami.port}
            </p>
          )}
        </div>
        {data && <ConnectionBadge connection={data.connection} detail />}
      </div>

      <SyncStatusCard
        node={
          data
            ? {
                id: data.node.id,
                name: data.node.name,
                status: data.node.status,
                health: data.health,
                pendingReload: data.node.pendingReload,
              }
            : null
        }
        lastSync={data?.lastSync ?? null}
        canSync
        nodeId={nodeId}
        loading={node.isPending}
        onRequested={() => void queryClient.invalidateQueries({ queryKey: trpc.admin.pbx.pathKey() })}
      />

      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <FolderIcon className="size-4" aria-hidden /> {t("routes.pbx.dirs.title")}
          </CardTitle>
          <CardDescription>{t("routes.pbx.dirs.explain")}</CardDescription>
        </CardHeader>
        <CardContent>
          {data ? (
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
              <dt className="text-muted-foreground">{t("routes.pbx.dirs.writeDir")}</dt>
              <dd className="font-mono break-all" data-testid="pbx-write-dir">
                {data.node.writeDir}
              </dd>
              <dt className="text-muted-foreground">{t("routes.pbx.dirs.configDir")}</dt>
              <dd className="font-mono break-all">{data.node.configDir}</dd>
              <dt className="text-muted-foreground">{t("routes.pbx.checksum")}</dt>
              <dd className="font-mono text-xs break-all">{data.node.configChecksum ?? "—"}</dd>
              <dt className="text-muted-foreground">{t("routes.pbx.tenants")}</dt>
              <dd>{data.tenants.length ? data.tenants.map((tenant) => tenant.name).join(", ") : "—"}</dd>
            </dl>
          ) : (
            <Skeleton className="h-16 w-full" />
          )}
        </CardContent>
      </Card>

      <section className="flex flex-col gap-2" aria-labelledby="pbx-last-change">
        <h2 id="pbx-last-change" className="text-base font-semibold">
          {t("routes.pbx.lastChange")}
        </h2>
        {data?.lastChange ? (
          <SyncDiff diff={data.lastChange.diff} note={t("pbx.diff.operatorNote")} />
        ) : (
          <p className="text-sm text-muted-foreground">{t("routes.pbx.noChange")}</p>
        )}
      </section>

      <section className="flex flex-col gap-2" aria-labelledby="pbx-history">
        <h2 id="pbx-history" className="text-base font-semibold">
          {t("routes.pbx.history")}
        </h2>
        <SyncHistoryTable
          items={history.data?.pages.flatMap((page) => page.items) ?? []}
          loading={history.isPending}
          hasMore={history.hasNextPage}
          loadingMore={history.isFetchingNextPage}
          onLoadMore={() => void history.fetchNextPage()}
        />
      </section>
      {isSyncInProgress(lastStatus) && (
        <span className="sr-only" aria-live="polite">
          {t("pbx.sync.syncing")}
        </span>
      )}
    </div>
  );
}

function BackLink() {
  const { t } = useI18n();
  return (
    <Link href="/pbx" className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
      <ArrowLeftIcon className="size-4" aria-hidden /> {t("routes.pbx.back")}
    </Link>
  );
}
