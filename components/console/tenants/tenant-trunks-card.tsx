"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PlusIcon } from "lucide-react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { TrunkActionsMenu } from "@/components/telephony/trunks/trunk-actions-menu";
import { TrunkCard } from "@/components/telephony/trunks/trunk-card";
import { TrunkTestButton } from "@/components/telephony/trunks/trunk-test-button";
import { useTrunkDialogs } from "@/components/telephony/trunks/use-trunk-dialogs";

/**
 * The console's view of a tenant's SIP trunks: the operator creates and manages its own (e.g. the
 * "clientes" trunk), which the tenant sees read-only; the tenant's own trunks are shown, not changed.
 */
export function TenantTrunksCard({ tenantId }: { tenantId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.admin.trunks.list.queryOptions({ tenantId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.trunks.pathKey() });
  const create = useMutation(trpc.admin.trunks.create.mutationOptions({ onSettled: refresh }));
  const update = useMutation(trpc.admin.trunks.update.mutationOptions({ onSettled: refresh }));
  const regenerate = useMutation(trpc.admin.trunks.regenerateSecret.mutationOptions({ onError: (e) => toast.error(e.message) }));
  const remove = useMutation(trpc.admin.trunks.delete.mutationOptions({ onError: (e) => toast.error(e.message), onSettled: refresh }));
  const test = useMutation(trpc.admin.trunks.test.mutationOptions());

  const dialogs = useTrunkDialogs({
    save: async (trunk, { name, ...data }) => {
      const saved = trunk
        ? await update.mutateAsync({ id: trunk.id, data })
        : await create.mutateAsync({ tenantId, data: { name, ...data } });
      toast.success(t(trunk ? "telephony.trunks.updated" : "telephony.trunks.created", { name: saved.trunk.name }));
      return saved;
    },
    remove: (trunk) =>
      remove.mutate({ id: trunk.id }, { onSuccess: () => toast.success(t("telephony.trunks.deleted", { name: trunk.name })) }),
    regenerate: (trunk) => regenerate.mutateAsync({ id: trunk.id }),
  });

  return (
    <Card className="lg:col-span-2" data-testid="tenant-trunks">
      <CardHeader>
        <CardTitle>{t("telephony.console.title")}</CardTitle>
        <CardDescription>{t("telephony.console.description")}</CardDescription>
        <CardAction>
          <Button size="sm" onClick={dialogs.create}>
            <PlusIcon aria-hidden /> {t("telephony.trunks.new")}
          </Button>
        </CardAction>
      </CardHeader>
      <CardContent>
        {list.isError ? (
          <div role="alert" className="flex items-center justify-between gap-3 rounded-md border p-4 text-sm">
            <span>{t("telephony.trunks.loadError")}</span>
            <Button variant="outline" size="sm" onClick={() => void list.refetch()}>
              {t("common.retry")}
            </Button>
          </div>
        ) : !list.data ? (
          <Skeleton className="h-40" aria-busy />
        ) : list.data.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("telephony.console.empty")}</p>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            {list.data.map((trunk) => (
              <TrunkCard
                key={trunk.id}
                trunk={trunk}
                badges={
                  trunk.operatorManaged ? (
                    <Badge variant="info">{t("telephony.trunks.operatorManaged")}</Badge>
                  ) : (
                    <Badge variant="outline">{t("telephony.console.tenantOwned")}</Badge>
                  )
                }
                actions={
                  <>
                    <TrunkTestButton name={trunk.name} run={() => test.mutateAsync({ id: trunk.id })} />
                    {trunk.operatorManaged && (
                      <TrunkActionsMenu
                        trunk={trunk}
                        onEdit={() => dialogs.edit(trunk)}
                        onRegenerate={() => dialogs.askRegenerate(trunk)}
                        onDelete={() => dialogs.askDelete(trunk)}
                      />
                    )}
                  </>
                }
              />
            ))}
          </div>
        )}
      </CardContent>
      {dialogs.dialogs}
    </Card>
  );
}
