"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { applyServerErrors } from "@/components/console/inventory/apply-server-errors";
import { TextField } from "@/components/console/inventory/form-fields";
import { Dialog, DialogContent, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { DeckName } from "@/lib/schemas/billing-tariffs";

const Fields = z.object({ name: DeckName });
type Fields = z.infer<typeof Fields>;

export function DeckRenameDialog({ deck, onClose }: { deck: { id: string; name: string } | null; onClose: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<Fields>({ resolver: zodResolver(Fields), defaultValues: { name: "" } });
  useEffect(() => {
    if (deck) form.reset({ name: deck.name });
  }, [deck, form]);
  const rename = useMutation(
    trpc.admin.tariffs.decks.update.mutationOptions({
      onSuccess: (updated) => {
        toast.success(t("tariffs.rename.renamed"));
        queryClient.setQueryData(trpc.admin.tariffs.decks.get.queryKey({ id: updated.id }), updated);
        void queryClient.invalidateQueries({ queryKey: trpc.admin.tariffs.decks.list.pathKey() });
        onClose();
      },
      onError: (error) => applyServerErrors((field, message) => form.setError(field as "name", { message }), error, ["name"]),
    }),
  );
  return (
    <Dialog open={deck !== null} onOpenChange={(open) => !open && !rename.isPending && onClose()}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t("tariffs.rename.title")}</DialogTitle>
        </DialogHeader>
        <Form {...form}>
          <form
            noValidate
            className="grid gap-4 sm:grid-cols-2"
            onSubmit={form.handleSubmit(({ name }) => {
              if (!deck) return;
              if (name === deck.name) return onClose();
              rename.mutate({ id: deck.id, data: { name } });
            })}
          >
            <TextField
              control={form.control}
              name="name"
              label={t("tariffs.create.name")}
              className="sm:col-span-2"
              autoFocus
              maxLength={80}
            />
            <FormDialogFooter saving={rename.isPending} onCancel={onClose} />
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
