"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useForm, type Path } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { Locale } from "@/lib/i18n";
import { formatBrlInput } from "@/lib/money";
import { PlanFields, type PlanOutput } from "@/lib/schemas/plan";
import { PlanFeatureFields, PlanLimitFields, type PlanFormInput } from "./plan-form-fields";

type FormOutput = z.output<typeof PlanFields>;

function defaults(plan: PlanOutput | null, locale: Locale): PlanFormInput {
  if (!plan)
    return { code: "", name: "", monthlyPrice: "", maxUsers: "", maxExtensions: "", maxDids: "", maxConcurrentCalls: "", features: [] };
  return {
    code: plan.code,
    name: plan.name,
    monthlyPrice: formatBrlInput(plan.monthlyPrice, locale),
    maxUsers: String(plan.maxUsers),
    maxExtensions: String(plan.maxExtensions),
    maxDids: String(plan.maxDids),
    maxConcurrentCalls: String(plan.maxConcurrentCalls),
    features: plan.features,
  };
}

/** "Pró Anual" → "pro-anual": a code suggestion while the operator has not typed one. */
function codeFrom(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The plan being edited, or null to create one. */ plan: PlanOutput | null;
};

export function PlanFormDialog({ open, onOpenChange, plan }: Props) {
  const { t, tm, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const codeTouched = useRef(false);
  const form = useForm<PlanFormInput, unknown, FormOutput>({
    resolver: zodResolver(PlanFields),
    mode: "onTouched",
    defaultValues: defaults(plan, locale),
  });

  useEffect(() => {
    if (!open) return;
    form.reset(defaults(plan, locale));
    codeTouched.current = plan !== null;
  }, [open, plan, locale, form]);

  const onServerError = (error: { message: string; data?: { fieldErrors?: Record<string, string[]> } | null }) => {
    const fieldErrors = Object.entries(error.data?.fieldErrors ?? {}).filter(([field]) => field.split(".")[0]! in PlanFields.shape);
    for (const [field, messages] of fieldErrors)
      form.setError(field.split(".")[0] as Path<PlanFormInput>, { message: messages[0] }, { shouldFocus: true });
    if (fieldErrors.length === 0) toast.error(error.message);
  };
  const onSaved = (message: string) => {
    toast.success(message);
    void queryClient.invalidateQueries({ queryKey: trpc.admin.plans.list.pathKey() });
    onOpenChange(false);
  };
  const create = useMutation(
    trpc.admin.plans.create.mutationOptions({ onSuccess: (p) => onSaved(t("plans.created", { name: p.name })), onError: onServerError }),
  );
  const update = useMutation(
    trpc.admin.plans.update.mutationOptions({ onSuccess: (p) => onSaved(t("plans.updated", { name: p.name })), onError: onServerError }),
  );
  const saving = create.isPending || update.isPending;

  function onSubmit(values: FormOutput) {
    if (!plan) return create.mutate(values);
    const { code: _permanent, ...data } = values;
    update.mutate({ id: plan.id, data });
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !saving && onOpenChange(next)}>
      <DialogContent className="max-h-[calc(100svh-2rem)] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{plan ? t("plans.editTitle") : t("plans.newTitle")}</DialogTitle>
          <DialogDescription>{t("plans.formDescription")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-5 sm:grid-cols-2" data-testid="plan-form">
            <FormField
              control={form.control}
              name="name"
              render={({ field, fieldState }) => (
                <FormItem className="content-start">
                  <FormLabel>{t("plans.field.name")}</FormLabel>
                  <FormControl>
                    <Input
                      autoFocus
                      maxLength={80}
                      {...field}
                      onChange={(event) => {
                        field.onChange(event);
                        // Revalidate only a code already marked wrong, so a suggestion clears a stale error.
                        if (!codeTouched.current)
                          form.setValue("code", codeFrom(event.target.value), { shouldValidate: form.getFieldState("code").invalid });
                      }}
                    />
                  </FormControl>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="code"
              render={({ field, fieldState }) => (
                <FormItem className="content-start">
                  <FormLabel>{t("plans.field.code")}</FormLabel>
                  <FormControl>
                    <Input
                      className="font-mono"
                      maxLength={40}
                      autoCapitalize="none"
                      spellCheck={false}
                      readOnly={plan !== null}
                      aria-readonly={plan !== null}
                      {...field}
                      onChange={(event) => {
                        codeTouched.current = true;
                        field.onChange(event);
                      }}
                    />
                  </FormControl>
                  {!fieldState.error && <FormDescription>{plan ? t("plans.codeLocked") : t("plans.codeHint")}</FormDescription>}
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="monthlyPrice"
              render={({ field, fieldState }) => (
                <FormItem className="content-start">
                  <FormLabel>{t("plans.field.monthlyPrice")}</FormLabel>
                  <div className="relative">
                    <span
                      className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-muted-foreground"
                      aria-hidden
                    >
                      R$
                    </span>
                    <FormControl>
                      <Input
                        className="pl-9 tabular-nums"
                        inputMode="decimal"
                        placeholder="0,00"
                        {...field}
                        value={String(field.value ?? "")}
                      />
                    </FormControl>
                  </div>
                  {!fieldState.error && <FormDescription>{t("plans.priceHint")}</FormDescription>}
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <div className="hidden sm:block" aria-hidden />
            <PlanLimitFields control={form.control} />
            <PlanFeatureFields control={form.control} />
            <DialogFooter className="sm:col-span-2">
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={saving}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" disabled={saving}>
                {saving && <Spinner aria-label={t("common.loading")} />}
                {t("common.save")}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
