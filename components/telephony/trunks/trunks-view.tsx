"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { NetworkIcon, PlusIcon } from "lucide-react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { TrunkActionsMenu } from "./trunk-actions-menu";
import { TrunkCard } from "./trunk-card";
import { TrunkTestButton } from "./trunk-test-button";
import { useTrunkDialogs } from "./use-trunk-dialogs";

/** /telephony/trunks: the company's own PBXs connected to Linha, and the operator's trunks (read-only here). */
export function TrunksView({ canManage }: { canManage: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.telephony.trunks.list.queryOptions());
  const dids = useQuery({ ...trpc.telephony.extensions.formOptions.queryOptions(), enabled: canManage }).data?.dids;
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.telephony.trunks.pathKey() });
  const create = useMutation(trpc.telephony.trunks.create.mutationOptions({ onSettled: refresh }));
  const update = useMutation(trpc.telephony.trunks.update.mutationOptions({ onSettled: refresh }));
  const regenerate = useMutation(trpc.telephony.trunks.regenerateSecret.mutationOptions({ onError: (e) => toast.error(e.message) }));
  const remove = useMutation(trpc.telephony.trunks.delete.mutationOptions({ onError: (e) => toast.error(e.message), onSettled: refresh }));
  const test = useMutation(trpc.telephony.trunks.test.mutationOptions());

  const dialogs = useTrunkDialogs(
    {
      save: async (trunk, { name, ...data }) => {
        const saved = trunk ? await update.mutateAsync({ id: trunk.id, data }) : await create.mutateAsync({ name, ...data });
        toast.success(t(trunk ? "telephony.trunks.updated" : "telephony.trunks.created", { name: saved.trunk.name }));
        return saved;
      },
      remove: (trunk) =>
        remove.mutate({ id: trunk.id }, { onSuccess: () => toast.success(t("telephony.trunks.deleted", { name: trunk.name })) }),
      regenerate: (trunk) => regenerate.mutateAsync({ id: trunk.id }),
    },
    dids,
  );

  return (
    <section className="flex flex-col gap-4" aria-labelledby="trunks-heading">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="trunks-heading" className="text-lg font-semibold">
            {t("telephony.trunks.heading")}
          </h2>
          <p className="text-sm text-muted-foreground">{t("telephony.trunks.description")}</p>
        </div>
        {canManage && (
          <Button onClick={dialogs.create}>
            <PlusIcon aria-hidden /> {t("telephony.trunks.new")}
          </Button>
        )}
      </div>
      {!canManage && <p className="text-sm text-muted-foreground">{t("telephony.trunks.readOnly")}</p>}

      {list.isError ? (
        <div role="alert" className="flex flex-col items-center gap-3 rounded-xl border p-10 text-center">
          <p>{t("telephony.trunks.loadError")}</p>
          <Button variant="outline" onClick={() => void list.refetch()}>
            {t("common.retry")}
          </Button>
        </div>
      ) : !list.data ? (
        <div className="grid gap-4 lg:grid-cols-2" aria-busy>
          <Skeleton className="h-56" />
          <Skeleton className="h-56" />
        </div>
      ) : list.data.length === 0 ? (
        <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed p-10 text-center">
          <NetworkIcon className="size-8 text-muted-foreground" aria-hidden />
          <p className="font-medium">{t("telephony.trunks.empty")}</p>
          {canManage && <p className="text-sm text-muted-foreground">{t("telephony.trunks.emptyHint")}</p>}
        </div>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {list.data.map((trunk) => (
            <TrunkCard
              key={trunk.id}
              trunk={trunk}
              badges={
                trunk.operatorManaged && (
                  <Badge variant="info" title={t("telephony.trunks.operatorManagedHint")}>
                    {t("telephony.trunks.operatorManaged")}
                  </Badge>
                )
              }
              actions={
                <>
                  <TrunkTestButton name={trunk.name} run={() => test.mutateAsync({ id: trunk.id })} />
                  {canManage && !trunk.operatorManaged && (
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
      {dialogs.dialogs}
    </section>
  );
}
