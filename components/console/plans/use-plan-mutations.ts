"use client";

import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { toast } from "sonner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { PlanOutput } from "@/lib/schemas/plan";

type Snapshot = [QueryKey, PlanOutput[] | undefined][];

/** Whether a cached list query asked for archived plans too (tRPC keys are [path, { input, type }]). */
function includesArchived(key: QueryKey): boolean {
  return Boolean((key[1] as { input?: { includeArchived?: boolean } } | undefined)?.input?.includeArchived);
}

/**
 * Archive, unarchive and delete show at once in every cached list and roll back (with the
 * server's message) when refused.
 */
export function usePlanMutations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useI18n();
  const listKey = trpc.admin.plans.list.pathKey();

  async function patchLists(patch: (plans: PlanOutput[], withArchived: boolean) => PlanOutput[]): Promise<Snapshot> {
    await queryClient.cancelQueries({ queryKey: listKey });
    const snapshot = queryClient.getQueriesData<PlanOutput[]>({ queryKey: listKey });
    for (const [key, plans] of snapshot) if (plans) queryClient.setQueryData(key, patch(plans, includesArchived(key)));
    return snapshot;
  }
  const rollback = (snapshot: Snapshot | undefined, message: string) => {
    for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
    toast.error(message);
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: listKey });

  const setArchived = (id: string, archivedAt: Date | null) =>
    patchLists((plans, withArchived) =>
      archivedAt && !withArchived ? plans.filter((p) => p.id !== id) : plans.map((p) => (p.id === id ? { ...p, archivedAt } : p)),
    );

  const archive = useMutation(
    trpc.admin.plans.archive.mutationOptions({
      onMutate: ({ id }) => setArchived(id, new Date()),
      onError: (error, _vars, snapshot) => rollback(snapshot, error.message),
      onSuccess: (plan) => toast.success(t("plans.archivedToast", { name: plan.name })),
      onSettled: refresh,
    }),
  );

  const unarchive = useMutation(
    trpc.admin.plans.unarchive.mutationOptions({
      onMutate: ({ id }) => setArchived(id, null),
      onError: (error, _vars, snapshot) => rollback(snapshot, error.message),
      onSuccess: (plan) => toast.success(t("plans.unarchivedToast", { name: plan.name })),
      onSettled: refresh,
    }),
  );

  const remove = useMutation(
    trpc.admin.plans.delete.mutationOptions({
      onMutate: ({ id }) => patchLists((plans) => plans.filter((p) => p.id !== id)),
      onError: (error, _vars, snapshot) => rollback(snapshot, error.message),
      onSuccess: (plan) => toast.success(t("plans.deletedToast", { name: plan.name })),
      onSettled: refresh,
    }),
  );

  return { archive, unarchive, remove };
}
