"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";

/** The three bulk mutations: a toast with the server's count, the list refetched, the selection cleared. */
export function useBulkLeadActions(onDone: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useI18n();
  const settle = (message: string) => {
    toast.success(message);
    onDone();
    void queryClient.invalidateQueries({ queryKey: trpc.leads.pathKey() });
  };
  const onError = (error: { message: string }) => toast.error(error.message);

  const assign = useMutation(
    trpc.leads.bulk.assign.mutationOptions({
      onSuccess: ({ count }) => settle(count === 1 ? t("leads.bulk.assignedOne") : t("leads.bulk.assigned", { count })),
      onError,
    }),
  );
  const tags = useMutation(
    trpc.leads.bulk.tags.mutationOptions({
      onSuccess: ({ count }) => settle(count === 1 ? t("leads.bulk.taggedOne") : t("leads.bulk.tagged", { count })),
      onError,
    }),
  );
  const remove = useMutation(
    trpc.leads.bulk.delete.mutationOptions({
      onSuccess: ({ count }) => settle(count === 1 ? t("leads.bulk.deletedOne") : t("leads.bulk.deleted", { count })),
      onError,
    }),
  );
  return { assign, tags, remove, busy: assign.isPending || tags.isPending || remove.isPending };
}
