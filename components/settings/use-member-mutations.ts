"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { MemberOutput } from "@/lib/schemas/settings";

/**
 * Role changes and removals show at once and roll back (with the server's reason) when refused.
 * Changing my own role or leaving also changes what this page may show: refresh or sign out.
 */
export function useMemberMutations(members: MemberOutput[]) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { t } = useI18n();
  const listKey = trpc.settings.members.list.queryKey();

  async function patch(update: (list: MemberOutput[]) => MemberOutput[]) {
    await queryClient.cancelQueries({ queryKey: listKey });
    const snapshot = queryClient.getQueryData<MemberOutput[]>(listKey);
    queryClient.setQueryData<MemberOutput[]>(listKey, (list) => (list ? update(list) : list));
    return snapshot;
  }
  const rollback = (snapshot: MemberOutput[] | undefined, message: string) => {
    if (snapshot) queryClient.setQueryData(listKey, snapshot);
    toast.error(message);
  };
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: listKey });
    void queryClient.invalidateQueries({ queryKey: trpc.settings.plan.get.queryKey() });
    // A removed member's leads changed owner.
    void queryClient.invalidateQueries({ queryKey: trpc.leads.list.pathKey() });
  };
  const nameOf = (id: string) => members.find((m) => m.id === id)?.name ?? "";

  const changeRole = useMutation(
    trpc.settings.members.changeRole.mutationOptions({
      onMutate: ({ id, role }) => patch((list) => list.map((m) => (m.id === id ? { ...m, role } : m))),
      onError: (error, _vars, snapshot) => rollback(snapshot, error.message),
      onSuccess: (member) => {
        toast.success(t("settings.members.roleChanged", { name: member.name, role: t(`shell.role.${member.role}`) }));
        if (member.isSelf) router.refresh();
      },
      onSettled: refresh,
    }),
  );

  const remove = useMutation(
    trpc.settings.members.remove.mutationOptions({
      onMutate: ({ id }) => {
        const name = nameOf(id);
        return patch((list) => list.filter((m) => m.id !== id)).then((snapshot) => ({ snapshot, name }));
      },
      onError: (error, _vars, context) => rollback(context?.snapshot, error.message),
      onSuccess: (_result, { id }, context) => {
        if (context?.snapshot?.find((m) => m.id === id)?.isSelf) {
          void signOut({ callbackUrl: "/login" });
          return;
        }
        toast.success(t("settings.members.removed", { name: context?.name ?? "" }));
      },
      onSettled: refresh,
    }),
  );

  return { changeRole, remove };
}
