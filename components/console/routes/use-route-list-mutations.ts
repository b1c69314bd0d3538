"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { ROUTE_PRIORITY_STEP, type RouteOutput } from "@/lib/schemas/outbound-route";

/**
 * The list's own edits: reorder and the enabled toggle are applied to the cached list at once and
 * rolled back if the server refuses; delete waits for the server (it sits behind a confirmation).
 */
export function useRouteListMutations(tenantId: string | null) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listKey = trpc.admin.routes.list.queryKey({ tenantId });

  const snapshot = async () => {
    await queryClient.cancelQueries({ queryKey: listKey });
    return { previous: queryClient.getQueryData<RouteOutput[]>(listKey) };
  };
  const rollback = (context: { previous?: RouteOutput[] } | undefined, message: string) => {
    if (context?.previous) queryClient.setQueryData(listKey, context.previous);
    toast.error(message);
  };
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.admin.routes.pathKey() });

  const reorder = useMutation(
    trpc.admin.routes.reorder.mutationOptions({
      onMutate: async ({ ids }) => {
        const context = await snapshot();
        const byId = new Map((context.previous ?? []).map((r) => [r.id, r]));
        queryClient.setQueryData(
          listKey,
          ids.map((id, i) => ({ ...byId.get(id)!, priority: (i + 1) * ROUTE_PRIORITY_STEP })),
        );
        return context;
      },
      onSuccess: () => toast.success(t("routes.reordered")),
      onError: (error, _input, context) => rollback(context, error.message),
      onSettled: refresh,
    }),
  );

  const setEnabled = useMutation(
    trpc.admin.routes.setEnabled.mutationOptions({
      onMutate: async ({ id, enabled }) => {
        const context = await snapshot();
        queryClient.setQueryData(
          listKey,
          (context.previous ?? []).map((r) => (r.id === id ? { ...r, enabled } : r)),
        );
        return context;
      },
      onSuccess: (route) => toast.success(t(route.enabled ? "routes.enabledOn" : "routes.enabledOff", { name: route.name })),
      onError: (error, _input, context) => rollback(context, error.message),
      onSettled: refresh,
    }),
  );

  const remove = useMutation(
    trpc.admin.routes.delete.mutationOptions({
      onSuccess: () => toast.success(t("routes.deleted")),
      onError: (error) => toast.error(error.message),
      onSettled: refresh,
    }),
  );

  return { reorder, setEnabled, remove };
}
