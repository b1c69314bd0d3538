"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { applyServerErrors } from "@/components/console/inventory/apply-server-errors";
import { TextField } from "@/components/console/inventory/form-fields";
import { RouteFields, type RouteOutput } from "@/lib/schemas/outbound-route";
import { GatewayOrderPicker, type GatewayChoice } from "./gateway-order-picker";
import { PatternPreview } from "./pattern-preview";

type FormInput = z.input<typeof RouteFields>;
type FormOutput = z.output<typeof RouteFields>;
const FIELDS = ["name", "pattern", "priority", "stripDigits", "prepend", "callerIdNumber", "enabled", "gatewayIds"];

function defaults(route: RouteOutput | null): FormInput {
  return {
    name: route?.name ?? "",
    pattern: route?.pattern ?? "",
    priority: route ? String(route.priority) : "",
    stripDigits: String(route?.stripDigits ?? 0),
    prepend: route?.prepend ?? "",
    callerIdNumber: route?.callerIdNumber ?? "",
    enabled: route?.enabled ?? true,
    gatewayIds: route?.gateways.map((g) => g.id) ?? [],
  };
}

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** null = a new route in `scope`. */
  route: RouteOutput | null;
  /** The scope a new route is created in: null = the operator's. */
  scope: { tenantId: string | null; label: string };
  gateways: GatewayChoice[];
};

export function RouteFormDialog({ open, onOpenChange, route, scope, gateways }: Props) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(RouteFields), defaultValues: defaults(route) });
  const pattern = useWatch({ control: form.control, name: "pattern" });

  useEffect(() => {
    if (open) form.reset(defaults(route));
  }, [open, route, form]);

  const onSaved = (message: string) => {
    toast.success(message);
    void queryClient.invalidateQueries({ queryKey: trpc.admin.routes.pathKey() });
    onOpenChange(false);
  };
  const onError = (error: Parameters<typeof applyServerErrors>[1]) =>
    applyServerErrors((field, message) => form.setError(field as Path<FormInput>, { message }), error, FIELDS);
  const create = useMutation(trpc.admin.routes.create.mutationOptions({ onSuccess: () => onSaved(t("routes.created")), onError }));
  const update = useMutation(trpc.admin.routes.update.mutationOptions({ onSuccess: () => onSaved(t("routes.updated")), onError }));
  const saving = create.isPending || update.isPending;

  const onSubmit = (values: FormOutput) => {
    if (route) update.mutate({ id: route.id, data: values });
    else create.mutate({ ...values, tenantId: scope.tenantId });
  };

  return (
    <Dialog open={open} onOpenChange={(next) => !saving && onOpenChange(next)}>
      <DialogContent className="max-h-[90svh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{route ? t("routes.editTitle", { name: route.name }) : t("routes.newTitle")}</DialogTitle>
          <DialogDescription>
            {scope.label} · {t("routes.formDescription")}
          </DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-4 sm:grid-cols-2" data-testid="route-form">
            <TextField
              control={form.control}
              name="name"
              label={t("routes.field.name")}
              hint={t("routes.hint.name")}
              maxLength={40}
              inputClassName="font-mono"
              autoComplete="off"
            />
            <TextField
              control={form.control}
              name="priority"
              label={t("routes.field.priority")}
              hint={t("routes.hint.priority")}
              inputMode="numeric"
              maxLength={6}
            />
            <div className="flex flex-col gap-2 sm:col-span-2">
              <TextField
                control={form.control}
                name="pattern"
                label={t("routes.field.pattern")}
                hint={t("routes.hint.pattern")}
                maxLength={40}
                inputClassName="font-mono"
                autoComplete="off"
                spellCheck={false}
              />
              <PatternPreview pattern={pattern ?? ""} />
            </div>
            <FormField
              control={form.control}
              name="gatewayIds"
              render={({ field, fieldState }) => (
                <FormItem className="content-start sm:col-span-2">
                  <FormLabel>{t("routes.field.gateways")}</FormLabel>
                  <FormControl>
                    <GatewayOrderPicker
                      value={field.value ?? []}
                      onChange={field.onChange}
                      gateways={gateways}
                      invalid={Boolean(fieldState.error)}
                    />
                  </FormControl>
                  {!fieldState.error && <FormDescription>{t("routes.hint.gateways")}</FormDescription>}
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <TextField
              control={form.control}
              name="stripDigits"
              label={t("routes.field.stripDigits")}
              hint={t("routes.hint.stripDigits")}
              inputMode="numeric"
              maxLength={2}
            />
            <TextField
              control={form.control}
              name="prepend"
              label={t("routes.field.prepend")}
              hint={t("routes.hint.prepend")}
              maxLength={16}
              inputClassName="font-mono"
            />
            <TextField
              control={form.control}
              name="callerIdNumber"
              label={t("routes.field.callerIdNumber")}
              hint={t("routes.hint.callerIdNumber")}
              maxLength={16}
              inputMode="tel"
              inputClassName="font-mono"
            />
            <FormField
              control={form.control}
              name="enabled"
              render={({ field }) => (
                <FormItem className="flex flex-row items-center gap-2 self-center pt-4">
                  <FormControl>
                    <Checkbox checked={field.value ?? true} onCheckedChange={(v) => field.onChange(v === true)} />
                  </FormControl>
                  <FormLabel className="font-normal">{t("routes.field.enabled")}</FormLabel>
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
