"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LockIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useForm, type Path } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatCnpj } from "@/lib/cnpj";
import { CompanyUpdateInput, type CompanyOutput } from "@/lib/schemas/settings";
import { applyServerErrors } from "./apply-server-errors";
import { LoadError } from "./load-error";

type FormInput = z.input<typeof CompanyUpdateInput>;
type FormOutput = z.output<typeof CompanyUpdateInput>;
const FIELDS = ["name", "cnpj", "contactEmail"] as const;

const toForm = (c: CompanyOutput): FormInput => ({
  name: c.name,
  cnpj: c.cnpj ? formatCnpj(c.cnpj) : "",
  contactEmail: c.contactEmail ?? "",
});

export function CompanyForm({ canEdit, workspaceHost }: { canEdit: boolean; workspaceHost: string }) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const company = useQuery(trpc.settings.company.get.queryOptions());
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(CompanyUpdateInput),
    defaultValues: { name: "", cnpj: "", contactEmail: "" },
  });
  const { reset } = form;

  useEffect(() => {
    if (company.data) reset(toForm(company.data));
  }, [company.data, reset]);

  const update = useMutation(
    trpc.settings.company.update.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.settings.company.get.queryKey(), saved);
        reset(toForm(saved));
        toast.success(t("settings.company.saved"));
        // The workspace name is in the shell (server-rendered): refresh it.
        router.refresh();
      },
      onError: (error) => applyServerErrors((f, m) => form.setError(f as Path<FormInput>, { message: m }), error, FIELDS),
    }),
  );

  if (company.isError) {
    return (
      <Card>
        <LoadError onRetry={() => void company.refetch()} />
      </Card>
    );
  }

  const field = (name: (typeof FIELDS)[number], label: string, props: React.ComponentProps<"input">, hint?: string) => (
    <FormField
      control={form.control}
      name={name}
      render={({ field: f, fieldState }) => (
        <FormItem className="content-start">
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <Input {...props} {...f} value={f.value ?? ""} readOnly={!canEdit} />
          </FormControl>
          {hint && <FormDescription>{hint}</FormDescription>}
          <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
        </FormItem>
      )}
    />
  );

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>{t("settings.company.title")}</h2>
        </CardTitle>
        <CardDescription>{canEdit ? t("settings.company.description") : t("settings.company.readOnly")}</CardDescription>
      </CardHeader>
      <Form {...form}>
        <form
          onSubmit={form.handleSubmit((values) => update.mutate(values))}
          noValidate
          className="flex flex-col gap-6"
          data-testid="company-form"
        >
          <CardContent className="grid gap-4 sm:grid-cols-2">
            {!company.data ? (
              Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-16 w-full" />)
            ) : (
              <>
                <div className="sm:col-span-2">
                  {field("name", t("settings.company.name"), { maxLength: 120, autoComplete: "organization" })}
                </div>
                {field("cnpj", t("settings.company.cnpj"), { inputMode: "numeric", placeholder: "00.000.000/0000-00" })}
                {field("contactEmail", t("settings.company.contactEmail"), { type: "email" }, t("settings.company.contactEmailHint"))}
                <div className="grid gap-2 sm:col-span-2">
                  <span className="text-sm font-medium" id="workspace-address-label">
                    {t("settings.company.address")}
                  </span>
                  <div
                    className="flex h-9 items-center gap-2 rounded-md border bg-muted/50 px-3 font-mono text-sm text-muted-foreground"
                    aria-labelledby="workspace-address-label"
                    aria-describedby="workspace-address-hint"
                  >
                    <LockIcon className="size-3.5" aria-hidden />
                    {workspaceHost || company.data.slug}
                  </div>
                  <p id="workspace-address-hint" className="text-sm text-muted-foreground">
                    {t("settings.company.addressHint")}
                  </p>
                </div>
              </>
            )}
          </CardContent>
          {canEdit && (
            <CardFooter className="justify-end gap-2 border-t">
              <Button
                type="button"
                variant="outline"
                disabled={!form.formState.isDirty || update.isPending}
                onClick={() => company.data && reset(toForm(company.data))}
              >
                {t("common.cancel")}
              </Button>
              <Button type="submit" disabled={!company.data || !form.formState.isDirty || update.isPending}>
                {update.isPending ? t("common.loading") : t("common.save")}
              </Button>
            </CardFooter>
          )}
        </form>
      </Form>
    </Card>
  );
}
