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
import { PbxNodeCreateInput, PbxNodeFields, type PbxNodeOutput } from "@/lib/schemas/inventory";
import { applyServerErrors } from "./apply-server-errors";
import { TextField } from "./form-fields";

type FormInput = z.input<typeof PbxNodeFields>;
type FormOutput = z.output<typeof PbxNodeFields>;

function defaults(node: PbxNodeOutput | null): FormInput {
  return {
    name: node?.name ?? "",
    amiHost: node?.amiHost ?? "",
    amiPort: node?.amiPort ?? 5038,
    amiUser: node?.amiUser ?? "",
    amiSecret: "",
    configDir: node?.configDir ?? "/etc/asterisk/linha",
  };
}

type Props = { open: boolean; onOpenChange: (open: boolean) => void; node: PbxNodeOutput | null };

export function PbxNodeFormDialog({ open, onOpenChange, node }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // A new node needs its AMI secret; an edit may keep the stored one.
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(node ? PbxNodeFields : PbxNodeCreateInput),
    defaultValues: defaults(node),
  });

  useEffect(() => {
    if (open) form.reset(defaults(node));
  }, [open, node, form]);

  const onSaved = (message: string) => {
    toast.success(message);
    void queryClient.invalidateQueries({ queryKey: trpc.admin.inventory.pbxNodes.list.pathKey() });
    onOpenChange(false);
  };
  const onError = (error: Parameters<typeof applyServerErrors>[1]) =>
    applyServerErrors((field, message) => form.setError(field as Path<FormInput>, { message }), error, Object.keys(PbxNodeFields.shape));
  const create = useMutation(
    trpc.admin.inventory.pbxNodes.create.mutationOptions({ onSuccess: () => onSaved(t("inventory.pbx.created")), onError }),
  );
  const update = useMutation(
    trpc.admin.inventory.pbxNodes.update.mutationOptions({ onSuccess: () => onSaved(t("inventory.pbx.updated")), onError }),
  );
  const saving = create.isPending || update.isPending;

  const onSubmit = (values: FormOutput) => (node ? update.mutate({ id: node.id, data: values }) : create.mutate(values));

  return (
    <Dialog open={open} onOpenChange={(next) => !saving && onOpenChange(next)}>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{node ? t("inventory.pbx.editTitle") : t("inventory.pbx.newTitle")}</DialogTitle>
          <DialogDescription>{t("inventory.pbx.description")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-4 sm:grid-cols-2" data-testid="pbx-form">
            <TextField
              control={form.control}
              name="name"
              label={t("inventory.pbx.field.name")}
              autoFocus
              maxLength={80}
              className="sm:col-span-2"
            />
            <TextField
              control={form.control}
              name="amiHost"
              label={t("inventory.pbx.field.amiHost")}
              hint={t("inventory.gateways.hint.host")}
              autoComplete="off"
            />
            <TextField control={form.control} name="amiPort" label={t("inventory.pbx.field.amiPort")} inputMode="numeric" />
            <TextField control={form.control} name="amiUser" label={t("inventory.pbx.field.amiUser")} autoComplete="off" maxLength={80} />
            <TextField
              control={form.control}
              name="amiSecret"
              label={t("inventory.pbx.field.amiSecret")}
              type="password"
              autoComplete="new-password"
              maxLength={80}
              hint={node?.hasSecret ? t("inventory.secretKept") : undefined}
            />
            <TextField
              control={form.control}
              name="configDir"
              label={t("inventory.pbx.field.configDir")}
              hint={t("inventory.pbx.hint.configDir")}
              inputClassName="font-mono"
              maxLength={400}
              className="sm:col-span-2"
            />
            <FormDialogFooter saving={saving} onCancel={() => onOpenChange(false)} />
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
