"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useForm, type Path } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatPhone } from "@/lib/phone";
import { PROVIDER_TYPES, ProviderFields, type ProviderOutput } from "@/lib/schemas/inventory";
import { applyServerErrors } from "./apply-server-errors";
import { ChoiceField, TextField } from "./form-fields";
import { moneyInputValue } from "./format-money";

type FormInput = z.input<typeof ProviderFields>;
type FormOutput = z.output<typeof ProviderFields>;

function defaults(provider: ProviderOutput | null, locale: string): FormInput {
  return {
    name: provider?.name ?? "",
    type: provider?.type ?? "carrier",
    contactName: provider?.contactName ?? "",
    contactEmail: provider?.contactEmail ?? "",
    contactPhone: provider?.contactPhone ? formatPhone(provider.contactPhone) : "",
    defaultCostPerMinute: moneyInputValue(provider?.defaultCostPerMinute ?? "0", locale, 4),
  };
}

type Props = { open: boolean; onOpenChange: (open: boolean) => void; provider: ProviderOutput | null };

export function ProviderFormDialog({ open, onOpenChange, provider }: Props) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(ProviderFields),
    defaultValues: defaults(provider, locale),
  });

  useEffect(() => {
    if (open) form.reset(defaults(provider, locale));
  }, [open, provider, locale, form]);

  const onSaved = (message: string) => {
    toast.success(message);
    void queryClient.invalidateQueries({ queryKey: trpc.admin.inventory.providers.list.pathKey() });
    onOpenChange(false);
  };
  const onError = (error: Parameters<typeof applyServerErrors>[1]) =>
    applyServerErrors((field, message) => form.setError(field as Path<FormInput>, { message }), error, Object.keys(ProviderFields.shape));
  const create = useMutation(
    trpc.admin.inventory.providers.create.mutationOptions({ onSuccess: () => onSaved(t("inventory.providers.created")), onError }),
  );
  const update = useMutation(
    trpc.admin.inventory.providers.update.mutationOptions({ onSuccess: () => onSaved(t("inventory.providers.updated")), onError }),
  );
  const saving = create.isPending || update.isPending;

  const onSubmit = (values: FormOutput) => (provider ? update.mutate({ id: provider.id, data: values }) : create.mutate(values));

  return (
    <Dialog open={open} onOpenChange={(next) => !saving && onOpenChange(next)}>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{provider ? t("inventory.providers.editTitle") : t("inventory.providers.newTitle")}</DialogTitle>
          <DialogDescription>{t("inventory.providers.description")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-4 sm:grid-cols-2" data-testid="provider-form">
            <TextField control={form.control} name="name" label={t("inventory.providers.field.name")} autoFocus maxLength={80} />
            <ChoiceField
              control={form.control}
              name="type"
              label={t("inventory.providers.field.type")}
              options={PROVIDER_TYPES.map((type) => [type, t(`inventory.providers.type.${type}`)])}
            />
            <TextField control={form.control} name="contactName" label={t("inventory.providers.field.contactName")} maxLength={120} />
            <TextField control={form.control} name="contactEmail" label={t("inventory.providers.field.contactEmail")} type="email" />
            <TextField
              control={form.control}
              name="contactPhone"
              label={t("inventory.providers.field.contactPhone")}
              type="tel"
              placeholder="(11) 98765-4321"
            />
            <TextField
              control={form.control}
              name="defaultCostPerMinute"
              label={t("inventory.providers.field.defaultCostPerMinute")}
              inputMode="decimal"
              placeholder={locale === "pt-BR" ? "0,0450" : "0.0450"}
            />
            <FormDialogFooter saving={saving} onCancel={() => onOpenChange(false)} />
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
