"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { TenantDetail, TenantPage, TenantStatus } from "@/lib/schemas/tenant";

export type StatusAction = "suspend" | "reactivate" | "archive";
const NEXT_STATUS: Record<StatusAction, TenantStatus> = { suspend: "suspended", reactivate: "active", archive: "archived" };
const DONE = {
  suspend: "console.confirm.suspended",
  reactivate: "console.confirm.reactivated",
  archive: "console.confirm.archived",
} as const;

type Snapshot = [readonly unknown[], unknown][];

/**
 * Status changes and deletes show at once in every cached list page and tenant view, and roll back
 * (with the server's message as a toast) when the server refuses.
 */
export function useTenantActions({ onDeleted, onSupportError }: { onDeleted?: () => void; onSupportError?: () => void } = {}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useI18n();
  const listKey = trpc.admin.tenants.list.pathKey();
  const getKey = trpc.admin.tenants.get.pathKey();

  async function patch(
    id: string,
    onList: (page: TenantPage) => TenantPage,
    onDetail: (d: TenantDetail) => TenantDetail,
  ): Promise<Snapshot> {
    await queryClient.cancelQueries({ queryKey: listKey });
    await queryClient.cancelQueries({ queryKey: getKey });
    const snapshot: Snapshot = [...queryClient.getQueriesData({ queryKey: listKey }), ...queryClient.getQueriesData({ queryKey: getKey })];
    queryClient.setQueriesData<TenantPage>({ queryKey: listKey }, (page) => (page ? onList(page) : page));
    queryClient.setQueriesData<TenantDetail>({ queryKey: getKey }, (detail) => (detail && detail.id === id ? onDetail(detail) : detail));
    return snapshot;
  }
  const rollback = (snapshot: Snapshot | undefined, message: string) => {
    for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
    toast.error(message);
  };
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: listKey });
    void queryClient.invalidateQueries({ queryKey: getKey });
    void queryClient.invalidateQueries({ queryKey: trpc.admin.audit.list.pathKey() });
  };

  const statusOptions = (action: StatusAction) =>
    trpc.admin.tenants[action].mutationOptions({
      onMutate: ({ id }) => {
        const status = NEXT_STATUS[action];
        return patch(
          id,
          (page) => ({ ...page, items: page.items.map((item) => (item.id === id ? { ...item, status } : item)) }),
          (detail) => ({ ...detail, status }),
        );
      },
      onError: (error, _vars, snapshot) => rollback(snapshot, error.message),
      onSuccess: () => toast.success(t(DONE[action])),
      onSettled: refresh,
    });
  const suspend = useMutation(statusOptions("suspend"));
  const reactivate = useMutation(statusOptions("reactivate"));
  const archive = useMutation(statusOptions("archive"));

  const remove = useMutation(
    trpc.admin.tenants.delete.mutationOptions({
      onMutate: ({ id }) =>
        patch(
          id,
          (page) => ({ ...page, items: page.items.filter((item) => item.id !== id), total: Math.max(0, page.total - 1) }),
          (detail) => detail,
        ),
      onError: (error, _vars, snapshot) => rollback(snapshot, error.message),
      onSuccess: () => {
        toast.success(t("console.confirm.deleted"));
        onDeleted?.();
      },
      onSettled: refresh,
    }),
  );

  // The browser leaves the console for the tenant's host, where the link becomes a session.
  const support = useMutation(
    trpc.admin.tenants.openSupportSession.mutationOptions({
      onSuccess: ({ url }) => window.location.assign(url),
      onError: (error) => {
        toast.error(error.message);
        onSupportError?.();
      },
    }),
  );

  return { status: { suspend, reactivate, archive }, remove, support };
}
