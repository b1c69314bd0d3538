"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { ExtensionOutput, ExtensionWithSecret } from "@/lib/schemas/extension";

/**
 * The extension page's mutations. The enabled toggle is optimistic (every cached list flips at
 * once) and rolls back with a toast when the server refuses; the rest refresh the list after.
 */
export function useExtensionActions({ onSecrets }: { onSecrets: (issued: ExtensionWithSecret[]) => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listFilter = { queryKey: trpc.telephony.extensions.list.pathKey() };
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.telephony.extensions.pathKey() });

  const toggle = useMutation(
    trpc.telephony.extensions.update.mutationOptions({
      onMutate: async ({ id, data }) => {
        await queryClient.cancelQueries(listFilter);
        const snapshot = queryClient.getQueriesData<ExtensionOutput[]>(listFilter);
        queryClient.setQueriesData<ExtensionOutput[]>(listFilter, (list) =>
          list?.map((e) => (e.id === id ? { ...e, enabled: data.enabled ?? e.enabled } : e)),
        );
        return { snapshot };
      },
      onError: (error, _vars, context) => {
        for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
        toast.error(error.message);
      },
      onSuccess: (updated) =>
        toast.success(
          t(updated.enabled ? "telephony.extensions.enabledOn" : "telephony.extensions.enabledOff", { number: updated.number }),
        ),
      onSettled: () => void queryClient.invalidateQueries(listFilter),
    }),
  );

  const remove = useMutation(
    trpc.telephony.extensions.delete.mutationOptions({
      onError: (error) => toast.error(error.message),
      onSettled: () => void refresh(),
    }),
  );

  const regenerate = useMutation(
    trpc.telephony.extensions.regenerateSecret.mutationOptions({
      onSuccess: (issued) => onSecrets([issued]),
      onError: (error) => toast.error(error.message),
    }),
  );

  const createForAll = useMutation(
    trpc.telephony.extensions.createForAllMembers.mutationOptions({
      onSuccess: ({ created }) => {
        if (created.length === 0) toast.info(t("telephony.extensions.createForAllNone"));
        else {
          toast.success(t("telephony.extensions.createdMany", { count: created.length }));
          onSecrets(created);
        }
      },
      onError: (error) => toast.error(error.message),
      onSettled: () => void refresh(),
    }),
  );

  return {
    setEnabled: (extension: ExtensionOutput, enabled: boolean) => toggle.mutate({ id: extension.id, data: { enabled } }),
    remove: (extension: ExtensionOutput) =>
      remove.mutate(
        { id: extension.id },
        { onSuccess: () => toast.success(t("telephony.extensions.deleted", { number: extension.number })) },
      ),
    regenerate: (extension: ExtensionOutput) => regenerate.mutate({ id: extension.id }),
    createForAll: () => createForAll.mutate(),
    creatingForAll: createForAll.isPending,
  };
}
