"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useForm, type Path } from "react-hook-form";
import { toast } from "sonner";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { Locale } from "@/lib/i18n";
import { formatBasisPoints, TaxRateFields, type TaxRateFormInput, type TaxRateOutput } from "@/lib/schemas/billing-invoices";

function defaults(tax: TaxRateOutput | null, locale: Locale): TaxRateFormInput {
  if (!tax) return { name: "", percent: "", active: true, position: "0" };
  return { name: tax.name, percent: formatBasisPoints(tax.basisPoints, locale), active: tax.active, position: String(tax.position) };
}

type Props = { open: boolean; onOpenChange: (open: boolean) => void; tax: TaxRateOutput | null };

/** Creates or edits a tax: name, percentage as typed ("5", "0,65"), order on the invoice, active. */
export function TaxRateFormDialog({ open, onOpenChange, tax }: Props) {
  const { t, tm, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<TaxRateFormInput, unknown, TaxRateFields>({
    resolver: zodResolver(TaxRateFields),
    mode: "onTouched",
    defaultValues: defaults(tax, locale),
  });
  useEffect(() => {
    if (open) form.reset(defaults(tax, locale));
  }, [open, tax, locale, form]);

  const onServerError = (error: { message: string; data?: { fieldErrors?: Record<string, string[]> } | null }) => {
    const fieldErrors = Object.entries(error.data?.fieldErrors ?? {}).filter(([field]) => field in TaxRateFields.shape);
    for (const [field, messages] of fieldErrors)
      form.setError(field as Path<TaxRateFormInput>, { message: messages[0] }, { shouldFocus: true });
    if (fieldErrors.length === 0) toast.error(error.message);
  };
  const onSaved = (message: string) => {
    toast.success(message);
    void queryClient.invalidateQueries({ queryKey: trpc.admin.invoices.taxes.list.queryKey() });
    onOpenChange(false);
  };
  const create = useMutation(
    trpc.admin.invoices.taxes.create.mutationOptions({
      onSuccess: (x) => onSaved(t("invoices.taxes.created", { name: x.name })),
      onError: onServerError,
    }),
  );
  const update = useMutation(
    trpc.admin.invoices.taxes.update.mutationOptions({
      onSuccess: (x) => onSaved(t("invoices.taxes.updated", { name: x.name })),
      onError: onServerError,
    }),
  );
  const saving = create.isPending || update.isPending;

  // The form sends what was typed (validated here first); the server parses it with the same schema.
  const submit = () => {
    const data = form.getValues();
    if (tax) update.mutate({ id: tax.id, data });
    else create.mutate(data);
  };

  return (
    <Dialog open={open} onOpenChange={(next) => !saving && onOpenChange(next)}>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{tax ? t("invoices.taxes.editTitle") : t("invoices.taxes.newTitle")}</DialogTitle>
          <DialogDescription>{t("invoices.taxes.formDescription")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(submit)} noValidate className="grid gap-5 sm:grid-cols-2" data-testid="tax-form">
            <FormField
              control={form.control}
              name="name"
              render={({ field, fieldState }) => (
                <FormItem className="content-start sm:col-span-2">
                  <FormLabel>{t("invoices.taxes.name")}</FormLabel>
                  <FormControl>
                    <Input autoFocus maxLength={40} placeholder="ISS" {...field} />
                  </FormControl>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="percent"
              render={({ field, fieldState }) => (
                <FormItem className="content-start">
                  <FormLabel>{t("invoices.taxes.percent")}</FormLabel>
                  <div className="relative">
                    <FormControl>
                      <Input className="pr-8 tabular-nums" inputMode="decimal" placeholder="5" {...field} />
                    </FormControl>
                    <span
                      className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-sm text-muted-foreground"
                      aria-hidden
                    >
                      %
                    </span>
                  </div>
                  {!fieldState.error && <FormDescription>{t("invoices.taxes.percentHint")}</FormDescription>}
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="position"
              render={({ field, fieldState }) => (
                <FormItem className="content-start">
                  <FormLabel>{t("invoices.taxes.position")}</FormLabel>
                  <FormControl>
                    <Input className="tabular-nums" inputMode="numeric" {...field} />
                  </FormControl>
                  {!fieldState.error && <FormDescription>{t("invoices.taxes.positionHint")}</FormDescription>}
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="active"
              render={({ field }) => (
                <FormItem className="flex flex-row items-start gap-2 sm:col-span-2">
                  <FormControl>
                    <Checkbox checked={field.value} onCheckedChange={(checked) => field.onChange(checked === true)} />
                  </FormControl>
                  <div className="space-y-1">
                    <FormLabel className="font-normal">{t("invoices.taxes.active")}</FormLabel>
                    <FormDescription>{t("invoices.taxes.activeHint")}</FormDescription>
                  </div>
                </FormItem>
              )}
            />
            <FormDialogFooter saving={saving} onCancel={() => onOpenChange(false)} />
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
