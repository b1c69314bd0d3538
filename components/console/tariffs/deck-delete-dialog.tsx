"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/console/inventory/confirm-dialog";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";

type Props = { deck: { id: string; name: string } | null; onClose: () => void; onDeleted?: () => void };

/** Asks before deleting a deck; a deck that rated calls cannot go, and the dialog says so up front. */
export function DeckDeleteDialog({ deck, onClose, onDeleted }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const usage = useQuery({ ...trpc.admin.tariffs.decks.usage.queryOptions({ id: deck?.id ?? "" }), enabled: deck !== null, staleTime: 0 });
  const remove = useMutation(
    trpc.admin.tariffs.decks.delete.mutationOptions({
      onSuccess: () => {
        toast.success(t("tariffs.delete.deleted"));
        void queryClient.invalidateQueries({ queryKey: trpc.admin.tariffs.decks.list.pathKey() });
        onClose();
        onDeleted?.();
      },
      onError: (error) => {
        toast.error(error.message);
        void usage.refetch();
      },
    }),
  );
  const checking = deck !== null && usage.isPending;
  return (
    <ConfirmDialog
      open={deck !== null}
      title={t("tariffs.delete.title", { name: deck?.name ?? "" })}
      body={checking ? t("tariffs.delete.checking") : t("tariffs.delete.body")}
      confirmLabel={t("common.delete")}
      destructive
      pending={remove.isPending}
      blocked={usage.data?.inUse ? t("tariffs.delete.blocked") : null}
      onCancel={onClose}
      onConfirm={() => deck && remove.mutate({ id: deck.id })}
    />
  );
}
