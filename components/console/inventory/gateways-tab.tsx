"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { NetworkIcon, PlusIcon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { GatewayOutput } from "@/lib/schemas/inventory";
import { ConfirmDialog } from "./confirm-dialog";
import { GatewayFormDialog } from "./gateway-form-dialog";
import { EmptyState, LoadError, SkeletonRows } from "./list-states";
import { TabHeader } from "./tab-header";
import { RowActions } from "./row-actions";

const ALL = "__all";

export function GatewaysTab() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [providerId, setProviderId] = useState<string | undefined>();
  const [editing, setEditing] = useState<GatewayOutput | "new" | null>(null);
  const [deleting, setDeleting] = useState<GatewayOutput | null>(null);
  const providers = useQuery(trpc.admin.inventory.providers.list.queryOptions()).data ?? [];
  const list = useQuery(trpc.admin.inventory.gateways.list.queryOptions({ providerId }, { placeholderData: keepPreviousData }));
  const remove = useMutation(
    trpc.admin.inventory.gateways.delete.mutationOptions({
      onSuccess: () => {
        toast.success(t("inventory.gateways.deleted"));
        void queryClient.invalidateQueries({ queryKey: trpc.admin.inventory.gateways.list.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.admin.inventory.providers.list.pathKey() });
      },
      onError: (error) => toast.error(error.message),
      onSettled: () => setDeleting(null),
    }),
  );
  const gateways = list.data;

  return (
    <div className="flex flex-col gap-3">
      <TabHeader description={t("inventory.gateways.description")}>
        <Select value={providerId ?? ALL} onValueChange={(v) => setProviderId(v === ALL ? undefined : v)}>
          <SelectTrigger className="w-full sm:w-56" aria-label={t("inventory.gateways.filterProvider")}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>
              {t("inventory.gateways.filterProvider")}: {t("common.all")}
            </SelectItem>
            {providers.map((p) => (
              <SelectItem key={p.id} value={p.id}>
                {p.name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Button
          onClick={() => setEditing("new")}
          disabled={providers.length === 0}
          title={providers.length === 0 ? t("inventory.gateways.needProvider") : undefined}
        >
          <PlusIcon aria-hidden /> {t("inventory.gateways.new")}
        </Button>
      </TabHeader>
      <Card className="gap-0 py-0" aria-busy={list.isFetching}>
        {list.isError ? (
          <LoadError onRetry={() => void list.refetch()} />
        ) : gateways?.length === 0 ? (
          <EmptyState
            icon={NetworkIcon}
            text={providers.length === 0 ? t("inventory.gateways.needProvider") : t("inventory.gateways.empty")}
            testId="gateways-empty"
            action={
              providers.length > 0 && (
                <Button onClick={() => setEditing("new")}>
                  <PlusIcon aria-hidden /> {t("inventory.gateways.new")}
                </Button>
              )
            }
          />
        ) : (
          <Table data-testid="gateways-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("inventory.gateways.field.name")}</TableHead>
                <TableHead>{t("inventory.gateways.field.host")}</TableHead>
                <TableHead className="hidden lg:table-cell">{t("inventory.gateways.field.codecs")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("inventory.gateways.field.authMode")}</TableHead>
                <TableHead className="text-right">{t("inventory.gateways.field.dids")}</TableHead>
                <TableHead className="w-12">
                  <span className="sr-only">{t("common.actions")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {!gateways && <SkeletonRows rows={4} columns={6} />}
              {gateways?.map((gateway) => (
                <TableRow key={gateway.id} data-testid="gateway-row">
                  <TableCell>
                    <button
                      type="button"
                      className="text-left font-mono font-medium underline-offset-4 hover:underline focus-visible:underline focus-visible:outline-none"
                      onClick={() => setEditing(gateway)}
                    >
                      {gateway.name}
                    </button>
                    <div className="text-xs text-muted-foreground">{gateway.provider.name}</div>
                  </TableCell>
                  <TableCell className="font-mono text-sm">
                    {gateway.host.includes(":") ? `[${gateway.host}]` : gateway.host}:{gateway.port}
                    <div className="text-xs text-muted-foreground">
                      {gateway.transport.toUpperCase()}
                      {gateway.techPrefix && ` · ${t("inventory.gateways.field.techPrefix")} ${gateway.techPrefix}`}
                    </div>
                  </TableCell>
                  <TableCell className="hidden lg:table-cell">
                    <div className="flex flex-wrap gap-1">
                      {gateway.codecs.map((codec) => (
                        <Badge key={codec} variant="outline" className="font-mono">
                          {codec}
                        </Badge>
                      ))}
                    </div>
                  </TableCell>
                  <TableCell className="hidden text-sm md:table-cell">
                    {t(`inventory.gateways.auth.${gateway.authMode}`)}
                    {gateway.authMode === "credentials" && (
                      <div className="text-xs text-muted-foreground">
                        {gateway.username} · {gateway.hasSecret ? t("inventory.secretStored") : t("inventory.noSecret")}
                      </div>
                    )}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{gateway.didCount}</TableCell>
                  <TableCell>
                    <RowActions name={gateway.name} onEdit={() => setEditing(gateway)} onDelete={() => setDeleting(gateway)} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>

      <GatewayFormDialog
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        gateway={editing === "new" ? null : editing}
        providers={providers}
        providerId={providerId}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={t("inventory.gateways.deleteConfirmTitle", { name: deleting?.name ?? "" })}
        body={
          <>
            <span>{t("inventory.gateways.deleteConfirmBody")}</span>
            {deleting && deleting.didCount > 0 && (
              <span className="font-medium text-foreground">{t("inventory.gateways.deleteConfirmDids", { count: deleting.didCount })}</span>
            )}
          </>
        }
        confirmLabel={t("common.delete")}
        destructive
        pending={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      />
    </div>
  );
}
