"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Building2Icon, PlusIcon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatPhone } from "@/lib/phone";
import { inventoryError, type ProviderOutput } from "@/lib/schemas/inventory";
import { ConfirmDialog } from "./confirm-dialog";
import { formatBrl } from "./format-money";
import { EmptyState, LoadError, SkeletonRows } from "./list-states";
import { ProviderFormDialog } from "./provider-form-dialog";
import { TabHeader } from "./tab-header";
import { RowActions } from "./row-actions";

export function ProvidersTab() {
  const { t, tm, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.admin.inventory.providers.list.queryOptions());
  const [editing, setEditing] = useState<ProviderOutput | "new" | null>(null);
  const [deleting, setDeleting] = useState<ProviderOutput | null>(null);
  const remove = useMutation(
    trpc.admin.inventory.providers.delete.mutationOptions({
      onSuccess: () => {
        toast.success(t("inventory.providers.deleted"));
        void queryClient.invalidateQueries({ queryKey: trpc.admin.inventory.providers.list.pathKey() });
      },
      onError: (error) => toast.error(error.message),
      onSettled: () => setDeleting(null),
    }),
  );
  const providers = list.data;

  return (
    <div className="flex flex-col gap-3">
      <TabHeader description={t("inventory.providers.description")}>
        <Button onClick={() => setEditing("new")}>
          <PlusIcon aria-hidden /> {t("inventory.providers.new")}
        </Button>
      </TabHeader>
      <Card className="gap-0 py-0" aria-busy={list.isFetching}>
        {list.isError ? (
          <LoadError onRetry={() => void list.refetch()} />
        ) : providers?.length === 0 ? (
          <EmptyState
            icon={Building2Icon}
            text={t("inventory.providers.empty")}
            testId="providers-empty"
            action={
              <Button onClick={() => setEditing("new")}>
                <PlusIcon aria-hidden /> {t("inventory.providers.new")}
              </Button>
            }
          />
        ) : (
          <Table data-testid="providers-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("inventory.providers.field.name")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("inventory.providers.field.contactName")}</TableHead>
                <TableHead className="text-right">{t("inventory.providers.field.defaultCostPerMinute")}</TableHead>
                <TableHead className="text-right">{t("inventory.providers.field.gateways")}</TableHead>
                <TableHead className="text-right">{t("inventory.providers.field.dids")}</TableHead>
                <TableHead className="w-12">
                  <span className="sr-only">{t("common.actions")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {!providers && <SkeletonRows rows={4} columns={6} />}
              {providers?.map((provider) => (
                <TableRow key={provider.id} data-testid="provider-row">
                  <TableCell>
                    <button
                      type="button"
                      className="text-left font-medium underline-offset-4 hover:underline focus-visible:underline focus-visible:outline-none"
                      onClick={() => setEditing(provider)}
                    >
                      {provider.name}
                    </button>
                    <div>
                      <Badge variant="secondary" className="mt-1">
                        {t(`inventory.providers.type.${provider.type}`)}
                      </Badge>
                    </div>
                  </TableCell>
                  <TableCell className="hidden text-sm md:table-cell">
                    <div>{provider.contactName ?? "—"}</div>
                    <div className="text-muted-foreground">
                      {[provider.contactEmail, provider.contactPhone && formatPhone(provider.contactPhone)].filter(Boolean).join(" · ")}
                    </div>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{formatBrl(provider.defaultCostPerMinute, locale, 4)}</TableCell>
                  <TableCell className="text-right tabular-nums">{provider.gatewayCount}</TableCell>
                  <TableCell className="text-right tabular-nums">{provider.didCount}</TableCell>
                  <TableCell>
                    <RowActions name={provider.name} onEdit={() => setEditing(provider)} onDelete={() => setDeleting(provider)} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>

      <ProviderFormDialog
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        provider={editing === "new" ? null : editing}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={t("inventory.providers.deleteConfirmTitle", { name: deleting?.name ?? "" })}
        body={t("inventory.providers.deleteConfirmBody")}
        confirmLabel={t("common.delete")}
        destructive
        pending={remove.isPending}
        blocked={
          deleting && (deleting.gatewayCount > 0 || deleting.didCount > 0)
            ? tm(inventoryError("provider_in_use", { gateways: deleting.gatewayCount, dids: deleting.didCount }))
            : null
        }
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      />
    </div>
  );
}
