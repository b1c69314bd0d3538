"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { toast } from "sonner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { LeadOutput, LeadUpdateInput } from "@/lib/schemas/lead";

type Optimistic = Partial<Pick<LeadOutput, "status" | "tags" | "owner">>;

/**
 * Quick edits from the lead's header (status, owner, tags) show at once and roll back with a toast
 * when the server refuses. The server answer replaces the cached lead (its score may have moved),
 * and the timeline is refetched (the change is a lead_updated entry).
 */
export function useLeadUpdate(leadId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, tm } = useI18n();
  const key = trpc.leads.get.queryKey({ id: leadId });
  const pending = useRef<Optimistic>({});

  const mutation = useMutation(
    trpc.leads.update.mutationOptions({
      onMutate: async () => {
        await queryClient.cancelQueries({ queryKey: key });
        const before = queryClient.getQueryData<LeadOutput>(key);
        if (before) queryClient.setQueryData<LeadOutput>(key, { ...before, ...pending.current });
        return before;
      },
      onError: (error, _vars, before) => {
        if (before) queryClient.setQueryData(key, before);
        toast.error(tm(error.message));
      },
      onSuccess: (lead) => {
        queryClient.setQueryData(key, lead);
        toast.success(t("leadPage.saved"));
      },
      onSettled: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.activities.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.leads.list.pathKey() });
      },
    }),
  );

  return {
    isPending: mutation.isPending,
    /** Saves `data`, showing `optimistic` on the page until the server answers. */
    update(data: LeadUpdateInput["data"], optimistic: Optimistic) {
      pending.current = optimistic;
      mutation.mutate({ id: leadId, data });
    },
  };
}
