"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { applyServerErrors } from "@/components/console/inventory/apply-server-errors";
import { ChoiceField, TextField } from "@/components/console/inventory/form-fields";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormField, FormItem, FormMessage } from "@/components/ui/form";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { RATE_DECK_KINDS } from "@/lib/schemas/billing";
import { DeckCreateInput, OWNER_TYPES_BY_KIND } from "@/lib/schemas/billing-tariffs";
import { OwnerPicker } from "./owner-picker";

type FormInput = z.input<typeof DeckCreateInput>;
type FormOutput = z.output<typeof DeckCreateInput>;
const FIELDS = ["name", "kind", "ownerType", "ownerId", "copyFromDeckId"] as const;

const DEFAULTS: FormInput = { name: "", kind: "buy", ownerType: "provider", ownerId: "", copyFromDeckId: null };

/** A new deck: what it prices (buy or sell), whose it is, and what it starts with. */
export function DeckCreateDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const ownerHint = useId();
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(DeckCreateInput), defaultValues: DEFAULTS });
  const [kind, ownerType] = useWatch({ control: form.control, name: ["kind", "ownerType"] });
  const sources = useQuery({ ...trpc.admin.tariffs.decks.list.queryOptions({ limit: 100 }), enabled: open });

  useEffect(() => {
    if (open) form.reset(DEFAULTS);
  }, [open, form]);
  // A kind has its own owner types, and an owner chosen for one type means nothing for another.
  useEffect(() => {
    const allowed: readonly string[] = OWNER_TYPES_BY_KIND[kind];
    if (!allowed.includes(ownerType)) form.setValue("ownerType", OWNER_TYPES_BY_KIND[kind][0]);
  }, [kind, ownerType, form]);
  useEffect(() => {
    form.setValue("ownerId", "");
  }, [ownerType, form]);

  const create = useMutation(
    trpc.admin.tariffs.decks.create.mutationOptions({
      onSuccess: (deck) => {
        toast.success(t("tariffs.create.created", { name: deck.name }));
        void queryClient.invalidateQueries({ queryKey: trpc.admin.tariffs.decks.pathKey() });
        onOpenChange(false);
        router.push(`/tariffs/${deck.id}`);
      },
      onError: (error) => applyServerErrors((field, message) => form.setError(field as Path<FormInput>, { message }), error, FIELDS),
    }),
  );

  return (
    <Dialog open={open} onOpenChange={(next) => !create.isPending && onOpenChange(next)}>
      <DialogContent className="max-h-[92svh] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{t("tariffs.create.title")}</DialogTitle>
          <DialogDescription>{t("tariffs.create.description")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form
            onSubmit={form.handleSubmit((values) => create.mutate(values))}
            noValidate
            className="grid gap-4 sm:grid-cols-2"
            data-testid="deck-create-form"
          >
            <TextField
              control={form.control}
              name="name"
              label={t("tariffs.create.name")}
              placeholder={t("tariffs.create.namePlaceholder")}
              className="sm:col-span-2"
              autoFocus
              maxLength={80}
            />
            <div className="flex flex-col gap-2">
              <ChoiceField
                control={form.control}
                name="kind"
                label={t("tariffs.create.kind")}
                options={RATE_DECK_KINDS.map((k) => [k, t(`tariffs.kind.${k}`)])}
              />
              <p className="text-xs text-muted-foreground">{t(`tariffs.kindHint.${kind}`)}</p>
            </div>
            <ChoiceField
              control={form.control}
              name="ownerType"
              label={t("tariffs.create.ownerType")}
              options={OWNER_TYPES_BY_KIND[kind].map((type) => [type, t(`tariffs.ownerType.${type}`)])}
            />
            <FormField
              control={form.control}
              name="ownerId"
              render={({ field, fieldState }) => (
                <FormItem className="sm:col-span-2">
                  <p className="text-sm font-medium" aria-hidden>
                    {t(`tariffs.ownerType.${ownerType}`)}
                  </p>
                  <OwnerPicker
                    key={ownerType}
                    type={ownerType}
                    value={field.value || null}
                    freeOnly
                    label={t(`tariffs.ownerType.${ownerType}`)}
                    invalid={Boolean(fieldState.error)}
                    describedBy={ownerHint}
                    onChange={(owner) => {
                      field.onChange(owner.id);
                      if (!form.getValues("name")) form.setValue("name", `${owner.name} — ${t(`tariffs.kind.${kind}`).toLowerCase()}`);
                    }}
                  />
                  <p id={ownerHint} className="text-xs text-muted-foreground">
                    {t(`tariffs.ownerHint.${ownerType}`)}
                  </p>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <div className="flex flex-col gap-2 sm:col-span-2">
              <ChoiceField
                control={form.control}
                name="copyFromDeckId"
                label={t("tariffs.create.copyFrom")}
                noneLabel={t("tariffs.create.copyFromNone")}
                options={(sources.data?.items ?? []).map((deck) => [
                  deck.id,
                  `${deck.name} (${t(`tariffs.kind.${deck.kind}`)}, ${deck.rateCount})`,
                ])}
              />
              <p className="text-xs text-muted-foreground">{t("tariffs.create.copyFromHint")}</p>
            </div>
            <FormDialogFooter saving={create.isPending} onCancel={() => onOpenChange(false)} />
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
