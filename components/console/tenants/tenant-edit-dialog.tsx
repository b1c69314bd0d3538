"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LockIcon } from "lucide-react";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatCnpj } from "@/lib/cnpj";
import { TenantFields, type TenantDetail } from "@/lib/schemas/tenant";
import { ChoiceField, showServerError, tenantHost, TextField } from "./tenant-form-fields";

type FormInput = z.input<typeof TenantFields>;
type FormOutput = z.output<typeof TenantFields>;
const FIELDS = Object.keys(TenantFields.shape);

const defaults = (tenant: TenantDetail): FormInput => ({
  name: tenant.name,
  cnpj: tenant.cnpj ? formatCnpj(tenant.cnpj) : "",
  contactEmail: tenant.contactEmail ?? "",
  planId: tenant.plan.id,
  pbxNodeId: tenant.pbxNode?.id ?? null,
});

/** Edits a tenant; the slug is shown but locked, with the reason. */
export function TenantEditDialog({ tenantId, onClose }: { tenantId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const open = tenantId !== null;
  const tenant = useQuery({ ...trpc.admin.tenants.get.queryOptions({ id: tenantId ?? "" }), enabled: open });
  const options = useQuery({ ...trpc.admin.tenants.options.queryOptions(), enabled: open });
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(TenantFields) });

  const loaded = tenant.data && tenant.data.id === tenantId ? tenant.data : null;
  useEffect(() => {
    if (loaded) form.reset(defaults(loaded));
  }, [loaded, form]);

  const update = useMutation(
    trpc.admin.tenants.update.mutationOptions({
      onSuccess: (detail) => {
        toast.success(t("console.form.updated"));
        queryClient.setQueryData(trpc.admin.tenants.get.queryKey({ id: detail.id }), detail);
        void queryClient.invalidateQueries({ queryKey: trpc.admin.tenants.list.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.admin.audit.list.pathKey() });
        onClose();
      },
      onError: (error) => showServerError(form, FIELDS, error),
    }),
  );

  // Archived plans are offered no more, but the tenant's own plan stays selectable.
  const plans = (options.data?.plans ?? [])
    .filter((p) => !p.archived || p.id === loaded?.plan.id)
    .map((p): [string, string] => [p.id, p.archived ? t("console.form.planArchived", { name: p.name }) : p.name]);
  const nodes = (options.data?.pbxNodes ?? []).map((n): [string, string] => [n.id, n.name]);
  const control = form.control;

  return (
    <Dialog open={open} onOpenChange={(next) => !next && !update.isPending && onClose()}>
      <DialogContent className="max-h-[90svh] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{t("console.form.editTitle")}</DialogTitle>
          <DialogDescription>{t("console.form.editDescription")}</DialogDescription>
        </DialogHeader>
        {!loaded ? (
          <div className="grid gap-4" aria-busy>
            {tenant.isError ? (
              <p role="alert" className="text-sm text-destructive">
                {tenant.error.message}
              </p>
            ) : (
              Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-9 w-full" />)
            )}
          </div>
        ) : (
          <Form {...form}>
            <form
              onSubmit={form.handleSubmit((data) => update.mutate({ id: loaded.id, data }))}
              noValidate
              className="grid gap-4 sm:grid-cols-2"
              data-testid="tenant-edit-form"
            >
              <div className="sm:col-span-2">
                <TextField control={control} name="name" label={t("console.form.name")} inputProps={{ autoFocus: true, maxLength: 120 }} />
              </div>
              <div className="grid gap-2 sm:col-span-2">
                <Label htmlFor="tenant-slug">{t("console.form.slug")}</Label>
                <div className="relative">
                  <LockIcon className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
                  <input
                    id="tenant-slug"
                    readOnly
                    value={tenantHost(loaded.slug)}
                    aria-describedby="tenant-slug-help"
                    className="h-9 w-full rounded-md border border-input bg-muted px-3 pl-8 text-sm text-muted-foreground"
                  />
                </div>
                <p id="tenant-slug-help" className="text-sm text-muted-foreground">
                  {t("console.form.slugImmutable")}
                </p>
              </div>
              <TextField
                control={control}
                name="cnpj"
                label={t("console.form.cnpj")}
                inputProps={{ inputMode: "numeric", placeholder: "00.000.000/0000-00" }}
              />
              <TextField control={control} name="contactEmail" label={t("console.form.contactEmail")} inputProps={{ type: "email" }} />
              <ChoiceField control={control} name="planId" label={t("console.form.plan")} options={plans} />
              <ChoiceField
                control={control}
                name="pbxNodeId"
                label={t("console.form.pbxNode")}
                options={nodes}
                noneLabel={t("console.form.pbxNone")}
              />
              <DialogFooter className="sm:col-span-2">
                <Button type="button" variant="outline" onClick={onClose} disabled={update.isPending}>
                  {t("common.cancel")}
                </Button>
                <Button type="submit" disabled={update.isPending}>
                  {update.isPending ? t("common.loading") : t("common.save")}
                </Button>
              </DialogFooter>
            </form>
          </Form>
        )}
      </DialogContent>
    </Dialog>
  );
}
