"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatPhone } from "@/lib/phone";
import type { DidOutput, DidPage } from "@/lib/schemas/inventory";

type Snapshot = [readonly unknown[], DidPage | undefined][];

/**
 * Release, return to pool and delete show at once in every cached page of the list, and roll
 * back with a toast when the server refuses (someone else changed the number meanwhile).
 */
export function useDidMutations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useI18n();
  const listKey = trpc.admin.inventory.dids.list.pathKey();

  async function patchPages(patch: (page: DidPage) => DidPage): Promise<Snapshot> {
    await queryClient.cancelQueries({ queryKey: listKey });
    const snapshot = queryClient.getQueriesData<DidPage>({ queryKey: listKey });
    queryClient.setQueriesData<DidPage>({ queryKey: listKey }, (page) => (page ? patch(page) : page));
    return snapshot;
  }
  const moveStatus = (id: string, change: Partial<DidOutput>) => (page: DidPage) => {
    const from = page.items.find((d) => d.id === id)?.status;
    const to = change.status;
    const counts = { ...page.counts };
    if (from && to && from !== to) {
      counts[from] -= 1;
      counts[to] += 1;
    }
    return { ...page, counts, items: page.items.map((d) => (d.id === id ? { ...d, ...change } : d)) };
  };
  const rollback = (snapshot: Snapshot | undefined, message: string) => {
    for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
    toast.error(message);
  };
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: listKey });
    void queryClient.invalidateQueries({ queryKey: trpc.admin.inventory.dids.tenantOptions.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.admin.inventory.providers.list.pathKey() });
  };

  /** A number the server just changed (allocated, edited) replaces the cached row at once. */
  const applyServerDid = (did: DidOutput) => {
    queryClient.setQueriesData<DidPage>({ queryKey: listKey }, (page) => (page ? moveStatus(did.id, did)(page) : page));
    refresh();
  };

  const release = useMutation(
    trpc.admin.inventory.dids.release.mutationOptions({
      onMutate: ({ id }) => patchPages(moveStatus(id, { status: "quarantined", tenant: null, allocatedAt: null })),
      onError: (error, _vars, snapshot) => rollback(snapshot, error.message),
      onSuccess: (did) => toast.success(t("inventory.dids.released", { number: formatPhone(did.number) })),
      onSettled: refresh,
    }),
  );
  const returnToPool = useMutation(
    trpc.admin.inventory.dids.returnToPool.mutationOptions({
      onMutate: ({ id }) => patchPages(moveStatus(id, { status: "free" })),
      onError: (error, _vars, snapshot) => rollback(snapshot, error.message),
      onSuccess: (did) => toast.success(t("inventory.dids.returned", { number: formatPhone(did.number) })),
      onSettled: refresh,
    }),
  );
  const remove = useMutation(
    trpc.admin.inventory.dids.delete.mutationOptions({
      onMutate: ({ id }) =>
        patchPages((page) => {
          const gone = page.items.find((d) => d.id === id);
          const counts = { ...page.counts };
          if (gone) counts[gone.status] -= 1;
          return { ...page, counts, total: Math.max(0, page.total - (gone ? 1 : 0)), items: page.items.filter((d) => d.id !== id) };
        }),
      onError: (error, _vars, snapshot) => rollback(snapshot, error.message),
      onSuccess: () => toast.success(t("inventory.dids.deleted")),
      onSettled: refresh,
    }),
  );
  return { release, returnToPool, remove, refresh, applyServerDid };
}
