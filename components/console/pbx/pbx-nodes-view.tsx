"use client";

import { useQuery } from "@tanstack/react-query";
import { ServerIcon } from "lucide-react";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { EmptyState, LoadError, SkeletonRows } from "@/components/console/inventory/list-states";
import { formatRelative } from "@/components/leads/relative-time";
import { SyncStatusBadge } from "@/components/pbx/sync-status-badge";
import { ConnectionBadge } from "./connection-badge";

/** /pbx: every node with its connection (and why it is down), tenants served and last sync. */
export function PbxNodesView() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  // The connection changes on its own (reconnects): refresh while the page is open.
  const list = useQuery({ ...trpc.admin.pbx.list.queryOptions(), refetchInterval: 10_000 });
  const nodes = list.data;
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("routes.pbx.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("routes.pbx.subtitle")}</p>
      </div>
      <Card className="gap-0 py-0">
        {list.isError ? (
          <LoadError onRetry={() => void list.refetch()} />
        ) : nodes?.length === 0 ? (
          <EmptyState icon={ServerIcon} text={t("routes.pbx.empty")} testId="pbx-empty" />
        ) : (
          <Table data-testid="pbx-nodes-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("routes.pbx.node")}</TableHead>
                <TableHead>{t("routes.pbx.status")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("routes.pbx.ami")}</TableHead>
                <TableHead className="text-right">{t("routes.pbx.tenants")}</TableHead>
                <TableHead>{t("routes.pbx.lastSync")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {!nodes && <SkeletonRows rows={3} columns={5} />}
              {nodes?.map((node) => (
                <TableRow key={node.id} data-testid="pbx-node-row">
                  <TableCell>
                    <Link
                      href={`/pbx/${node.id}`}
                      className="font-medium underline-offset-4 hover:underline focus-visible:underline focus-visible:outline-none"
                      aria-label={t("routes.pbx.open", { name: node.name })}
                    >
                      {node.name}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <ConnectionBadge connection={node.connection} />
                    {node.connection.reason && (
                      <div className="mt-1 max-w-xs truncate text-xs text-muted-foreground" title={node.connection.reason}>
                        {node.connection.reason}
                      </div>
                    )}
                  </TableCell>
                  <TableCell className="hidden font-mono text-sm md:table-cell">
                    {node.amiHost}:{node.amiPort}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{node.tenantCount}</TableCell>
                  <TableCell>
                    {node.lastSync ? (
                      <span className="flex flex-wrap items-center gap-2 text-sm">
                        <SyncStatusBadge status={node.lastSync.status} />
                        <time dateTime={(node.lastSync.finishedAt ?? node.lastSync.queuedAt).toISOString()}>
                          {formatRelative(node.lastSync.finishedAt ?? node.lastSync.queuedAt, new Date(), locale)}
                        </time>
                      </span>
                    ) : (
                      <span className="text-sm text-muted-foreground">{t("routes.pbx.never")}</span>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
