"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc-provider";
import { useI18n } from "@/components/providers/i18n-provider";
import type { LeadOutput, LeadPage } from "@/lib/schemas/lead";

/**
 * Status changes and deletes show at once in every cached page of the list and roll back
 * (with a toast) when the server refuses.
 */
export function useOptimisticLeadMutations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useI18n();
  const listKey = trpc.leads.list.pathKey();

  async function patchPages(patch: (page: LeadPage) => LeadPage) {
    await queryClient.cancelQueries({ queryKey: listKey });
    const snapshot = queryClient.getQueriesData<LeadPage>({ queryKey: listKey });
    queryClient.setQueriesData<LeadPage>({ queryKey: listKey }, (page) => (page ? patch(page) : page));
    return snapshot;
  }
  const rollback = (snapshot: [readonly unknown[], LeadPage | undefined][] | undefined, message: string) => {
    for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
    toast.error(message);
  };
  // The whole leads namespace: the list, its count and the tag suggestions.
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.leads.pathKey() });

  const setStatus = useMutation(
    trpc.leads.update.mutationOptions({
      onMutate: ({ id, data }) =>
        patchPages((page) => ({
          ...page,
          items: page.items.map((lead): LeadOutput => (lead.id === id && data.status ? { ...lead, status: data.status } : lead)),
        })),
      onError: (error, _vars, snapshot) => rollback(snapshot, error.message),
      onSuccess: () => toast.success(t("leads.updated")),
      onSettled: refresh,
    }),
  );

  const remove = useMutation(
    trpc.leads.delete.mutationOptions({
      onMutate: ({ id }) =>
        patchPages((page) => ({
          ...page,
          items: page.items.filter((lead) => lead.id !== id),
          total: page.total === null ? null : Math.max(0, page.total - 1),
        })),
      onError: (error, _vars, snapshot) => rollback(snapshot, error.message),
      onSuccess: () => toast.success(t("leads.deleted")),
      onSettled: refresh,
    }),
  );

  return { setStatus, remove };
}
