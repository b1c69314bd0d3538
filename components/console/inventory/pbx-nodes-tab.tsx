"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PlusIcon, ServerIcon, WrenchIcon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { inventoryError, type PbxNodeOutput } from "@/lib/schemas/inventory";
import { ConfirmDialog } from "./confirm-dialog";
import { EmptyState, LoadError, SkeletonRows } from "./list-states";
import { PbxNodeFormDialog } from "./pbx-node-form-dialog";
import { PbxStatusBadge } from "./pbx-status-badge";
import { TabHeader } from "./tab-header";
import { RowActions } from "./row-actions";
import { DropdownMenuItem } from "@/components/ui/dropdown-menu";

export function PbxNodesTab() {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listKey = trpc.admin.inventory.pbxNodes.list.queryKey();
  const list = useQuery(trpc.admin.inventory.pbxNodes.list.queryOptions());
  const [editing, setEditing] = useState<PbxNodeOutput | "new" | null>(null);
  const [deleting, setDeleting] = useState<PbxNodeOutput | null>(null);

  // Maintenance is a toggle: it shows at once and rolls back if the server refuses.
  const setStatus = useMutation(
    trpc.admin.inventory.pbxNodes.setStatus.mutationOptions({
      onMutate: async ({ id, status }) => {
        await queryClient.cancelQueries({ queryKey: listKey });
        const snapshot = queryClient.getQueryData<PbxNodeOutput[]>(listKey);
        queryClient.setQueryData<PbxNodeOutput[]>(listKey, (nodes) => nodes?.map((n) => (n.id === id ? { ...n, status } : n)));
        return snapshot;
      },
      onError: (error, _vars, snapshot) => {
        queryClient.setQueryData(listKey, snapshot);
        toast.error(error.message);
      },
      onSuccess: (node) =>
        toast.success(node.status === "maintenance" ? t("inventory.pbx.maintenanceOn") : t("inventory.pbx.maintenanceOff")),
      onSettled: () => queryClient.invalidateQueries({ queryKey: listKey }),
    }),
  );
  const remove = useMutation(
    trpc.admin.inventory.pbxNodes.delete.mutationOptions({
      onSuccess: () => {
        toast.success(t("inventory.pbx.deleted"));
        void queryClient.invalidateQueries({ queryKey: listKey });
      },
      onError: (error) => toast.error(error.message),
      onSettled: () => setDeleting(null),
    }),
  );
  const nodes = list.data;

  return (
    <div className="flex flex-col gap-3">
      <TabHeader description={t("inventory.pbx.description")}>
        <Button onClick={() => setEditing("new")}>
          <PlusIcon aria-hidden /> {t("inventory.pbx.new")}
        </Button>
      </TabHeader>
      <Card className="gap-0 py-0" aria-busy={list.isFetching}>
        {list.isError ? (
          <LoadError onRetry={() => void list.refetch()} />
        ) : nodes?.length === 0 ? (
          <EmptyState
            icon={ServerIcon}
            text={t("inventory.pbx.empty")}
            testId="pbx-empty"
            action={
              <Button onClick={() => setEditing("new")}>
                <PlusIcon aria-hidden /> {t("inventory.pbx.new")}
              </Button>
            }
          />
        ) : (
          <Table data-testid="pbx-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("inventory.pbx.field.name")}</TableHead>
                <TableHead>{t("inventory.pbx.field.amiHost")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("inventory.pbx.field.configDir")}</TableHead>
                <TableHead>{t("inventory.pbx.field.status")}</TableHead>
                <TableHead className="text-right">{t("inventory.pbx.field.tenants")}</TableHead>
                <TableHead className="w-12">
                  <span className="sr-only">{t("common.actions")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {!nodes && <SkeletonRows rows={3} columns={6} />}
              {nodes?.map((node) => (
                <TableRow key={node.id} data-testid="pbx-row">
                  <TableCell>
                    <button
                      type="button"
                      className="text-left font-medium underline-offset-4 hover:underline focus-visible:underline focus-visible:outline-none"
                      onClick={() => setEditing(node)}
                    >
                      {node.name}
                    </button>
                  </TableCell>
                  <TableCell className="font-mono text-sm">
                    {node.amiHost.includes(":") ? `[${node.amiHost}]` : node.amiHost}:{node.amiPort}
                    <div className="text-xs text-muted-foreground">
                      {node.amiUser} · {node.hasSecret ? t("inventory.secretStored") : t("inventory.noSecret")}
                    </div>
                  </TableCell>
                  <TableCell className="hidden font-mono text-sm md:table-cell">{node.configDir}</TableCell>
                  <TableCell>
                    <PbxStatusBadge status={node.status} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{node.tenantCount}</TableCell>
                  <TableCell>
                    <RowActions name={node.name} onEdit={() => setEditing(node)} onDelete={() => setDeleting(node)}>
                      <DropdownMenuItem
                        onSelect={() =>
                          setStatus.mutate({ id: node.id, status: node.status === "maintenance" ? "unknown" : "maintenance" })
                        }
                      >
                        <WrenchIcon aria-hidden />{" "}
                        {node.status === "maintenance" ? t("inventory.pbx.endMaintenance") : t("inventory.pbx.startMaintenance")}
                      </DropdownMenuItem>
                    </RowActions>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>

      <PbxNodeFormDialog
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        node={editing === "new" ? null : editing}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={t("inventory.pbx.deleteConfirmTitle", { name: deleting?.name ?? "" })}
        body={t("inventory.pbx.deleteConfirmBody")}
        confirmLabel={t("common.delete")}
        destructive
        pending={remove.isPending}
        blocked={deleting && deleting.tenantCount > 0 ? tm(inventoryError("pbx_in_use", { tenants: deleting.tenantCount })) : null}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      />
    </div>
  );
}
