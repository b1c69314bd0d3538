"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import {
  GATEWAY_AUTH_MODES,
  GatewayCreateInput,
  GatewayFields,
  SIP_TRANSPORTS,
  type GatewayOutput,
  type ProviderOutput,
} from "@/lib/schemas/inventory";
import { applyServerErrors } from "./apply-server-errors";
import { CodecPicker } from "./codec-picker";
import { ChoiceField, TextField } from "./form-fields";

type FormInput = z.input<typeof GatewayFields>;
type FormOutput = z.output<typeof GatewayFields>;
const FIELDS = ["providerId", "name", "host", "port", "transport", "codecs", "techPrefix", "authMode", "username", "password"];

function defaults(gateway: GatewayOutput | null, providerId: string | undefined): FormInput {
  return {
    providerId: gateway?.provider.id ?? providerId ?? "",
    name: gateway?.name ?? "",
    host: gateway?.host ?? "",
    port: gateway?.port ?? 5060,
    transport: gateway?.transport ?? "udp",
    codecs: gateway?.codecs ?? ["alaw", "ulaw"],
    techPrefix: gateway?.techPrefix ?? "",
    authMode: gateway?.authMode ?? "ip_match",
    username: gateway?.username ?? "",
    password: "",
  };
}

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  gateway: GatewayOutput | null;
  providers: ProviderOutput[];
  /** Pre-selected provider for a new gateway (the list's filter). */
  providerId?: string;
};

export function GatewayFormDialog({ open, onOpenChange, gateway, providers, providerId }: Props) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // A new gateway needs a password for credentials; an edit may keep the stored one.
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(gateway ? GatewayFields : GatewayCreateInput),
    defaultValues: defaults(gateway, providerId),
  });
  const authMode = useWatch({ control: form.control, name: "authMode" });

  useEffect(() => {
    if (open) form.reset(defaults(gateway, providerId));
  }, [open, gateway, providerId, form]);

  const onSaved = (message: string) => {
    toast.success(message);
    void queryClient.invalidateQueries({ queryKey: trpc.admin.inventory.gateways.list.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.admin.inventory.providers.list.pathKey() });
    onOpenChange(false);
  };
  const onError = (error: Parameters<typeof applyServerErrors>[1]) =>
    applyServerErrors((field, message) => form.setError(field as Path<FormInput>, { message }), error, FIELDS);
  const create = useMutation(
    trpc.admin.inventory.gateways.create.mutationOptions({ onSuccess: () => onSaved(t("inventory.gateways.created")), onError }),
  );
  const update = useMutation(
    trpc.admin.inventory.gateways.update.mutationOptions({ onSuccess: () => onSaved(t("inventory.gateways.updated")), onError }),
  );
  const saving = create.isPending || update.isPending;

  const onSubmit = (values: FormOutput) => (gateway ? update.mutate({ id: gateway.id, data: values }) : create.mutate(values));

  return (
    <Dialog open={open} onOpenChange={(next) => !saving && onOpenChange(next)}>
      <DialogContent className="max-h-[90svh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{gateway ? t("inventory.gateways.editTitle") : t("inventory.gateways.newTitle")}</DialogTitle>
          <DialogDescription>{t("inventory.gateways.description")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-4 sm:grid-cols-2" data-testid="gateway-form">
            <ChoiceField
              control={form.control}
              name="providerId"
              label={t("inventory.gateways.field.provider")}
              options={providers.map((p) => [p.id, p.name])}
              placeholder={t("inventory.gateways.field.provider")}
            />
            <TextField
              control={form.control}
              name="name"
              label={t("inventory.gateways.field.name")}
              hint={t("inventory.gateways.hint.name")}
              maxLength={40}
              inputClassName="font-mono"
              autoComplete="off"
            />
            <TextField
              control={form.control}
              name="host"
              label={t("inventory.gateways.field.host")}
              hint={t("inventory.gateways.hint.host")}
              autoComplete="off"
            />
            <div className="grid grid-cols-2 gap-4">
              <TextField control={form.control} name="port" label={t("inventory.gateways.field.port")} inputMode="numeric" />
              <ChoiceField
                control={form.control}
                name="transport"
                label={t("inventory.gateways.field.transport")}
                options={SIP_TRANSPORTS.map((v) => [v, v.toUpperCase()])}
              />
            </div>
            <FormField
              control={form.control}
              name="codecs"
              render={({ field, fieldState }) => (
                <FormItem className="content-start sm:row-span-2">
                  <FormLabel>{t("inventory.gateways.field.codecs")}</FormLabel>
                  <FormControl>
                    <CodecPicker value={field.value ?? []} onChange={field.onChange} />
                  </FormControl>
                  {!fieldState.error && <FormDescription>{t("inventory.gateways.hint.codecs")}</FormDescription>}
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <TextField
              control={form.control}
              name="techPrefix"
              label={t("inventory.gateways.field.techPrefix")}
              hint={t("inventory.gateways.hint.techPrefix")}
              maxLength={16}
              inputClassName="font-mono"
            />
            <ChoiceField
              control={form.control}
              name="authMode"
              label={t("inventory.gateways.field.authMode")}
              options={GATEWAY_AUTH_MODES.map((v) => [v, t(`inventory.gateways.auth.${v}`)])}
            />
            {authMode === "credentials" && (
              <>
                <TextField
                  control={form.control}
                  name="username"
                  label={t("inventory.gateways.field.username")}
                  autoComplete="off"
                  maxLength={80}
                />
                <TextField
                  control={form.control}
                  name="password"
                  label={t("inventory.gateways.field.password")}
                  type="password"
                  autoComplete="new-password"
                  maxLength={80}
                  hint={gateway?.hasSecret ? t("inventory.secretKept") : undefined}
                />
              </>
            )}
            <FormDialogFooter saving={saving} onCancel={() => onOpenChange(false)} />
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
