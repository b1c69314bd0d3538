"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { Separator } from "@/components/ui/separator";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { TenantCreateInput, type InvitationLink } from "@/lib/schemas/tenant";
import { ChoiceField, showServerError, suggestSlug, tenantHost, TextField } from "./tenant-form-fields";

type FormInput = z.input<typeof TenantCreateInput>;
type FormOutput = z.output<typeof TenantCreateInput>;
const FIELDS = Object.keys(TenantCreateInput.shape);
const EMPTY: FormInput = { name: "", slug: "", cnpj: "", contactEmail: "", planId: "", pbxNodeId: null, ownerName: "", ownerEmail: "" };

export function TenantCreateDialog({
  open,
  onOpenChange,
  onCreated,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (invitation: InvitationLink) => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = useQuery({ ...trpc.admin.tenants.options.queryOptions(), enabled: open });
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(TenantCreateInput), defaultValues: EMPTY });
  // The slug follows the name until the operator types one of their own.
  const slugEdited = useRef(false);
  const name = form.watch("name");
  const slug = form.watch("slug");

  useEffect(() => {
    if (open) {
      form.reset(EMPTY);
      slugEdited.current = false;
    }
  }, [open, form]);
  useEffect(() => {
    if (!slugEdited.current) form.setValue("slug", suggestSlug(name ?? ""));
  }, [name, form]);

  const create = useMutation(
    trpc.admin.tenants.create.mutationOptions({
      onSuccess: (result) => {
        toast.success(t("console.form.created"));
        void queryClient.invalidateQueries({ queryKey: trpc.admin.tenants.list.pathKey() });
        onOpenChange(false);
        onCreated(result.invitation);
      },
      onError: (error) => showServerError(form, FIELDS, error),
    }),
  );

  const plans = (options.data?.plans ?? []).filter((p) => !p.archived).map((p): [string, string] => [p.id, p.name]);
  const nodes = (options.data?.pbxNodes ?? []).map((n): [string, string] => [n.id, n.name]);
  const control = form.control;

  return (
    <Dialog open={open} onOpenChange={(next) => !create.isPending && onOpenChange(next)}>
      <DialogContent className="max-h-[90svh] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{t("console.form.newTitle")}</DialogTitle>
          <DialogDescription>{t("console.form.newDescription")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form
            onSubmit={form.handleSubmit((values) => create.mutate(values))}
            noValidate
            className="grid gap-4 sm:grid-cols-2"
            data-testid="tenant-form"
          >
            <div className="sm:col-span-2">
              <TextField control={control} name="name" label={t("console.form.name")} inputProps={{ autoFocus: true, maxLength: 120 }} />
            </div>
            <div className="sm:col-span-2">
              <TextField
                control={control}
                name="slug"
                label={t("console.form.slug")}
                description={t("console.form.slugHelp", { host: tenantHost(slug ?? "") })}
                inputProps={{
                  maxLength: 32,
                  autoCapitalize: "none",
                  spellCheck: false,
                  onInput: () => {
                    slugEdited.current = true;
                  },
                }}
              />
            </div>
            <TextField
              control={control}
              name="cnpj"
              label={t("console.form.cnpj")}
              inputProps={{ inputMode: "numeric", placeholder: "00.000.000/0000-00" }}
            />
            <TextField control={control} name="contactEmail" label={t("console.form.contactEmail")} inputProps={{ type: "email" }} />
            <ChoiceField
              control={control}
              name="planId"
              label={t("console.form.plan")}
              options={plans}
              placeholder={t("console.form.planPlaceholder")}
            />
            <ChoiceField
              control={control}
              name="pbxNodeId"
              label={t("console.form.pbxNode")}
              options={nodes}
              noneLabel={t("console.form.pbxNone")}
            />
            <div className="space-y-1 sm:col-span-2">
              <Separator className="mb-3" />
              <h3 className="text-sm font-semibold">{t("console.form.ownerTitle")}</h3>
              <p className="text-sm text-muted-foreground">{t("console.form.ownerHelp")}</p>
            </div>
            <TextField control={control} name="ownerName" label={t("console.form.ownerName")} inputProps={{ maxLength: 120 }} />
            <TextField control={control} name="ownerEmail" label={t("console.form.ownerEmail")} inputProps={{ type: "email" }} />
            <DialogFooter className="sm:col-span-2">
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={create.isPending}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" disabled={create.isPending}>
                {create.isPending ? t("common.loading") : t("console.form.create")}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
