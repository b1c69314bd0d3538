"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatCnpj } from "@/lib/cnpj";
import { formatPhone } from "@/lib/phone";
import { LEAD_SOURCES, LeadFields, type LeadOutput } from "@/lib/schemas/lead";

const EditFields = LeadFields.pick({
  name: true,
  company: true,
  cnpj: true,
  email: true,
  phone: true,
  source: true,
  employees: true,
  notes: true,
});
type FormInput = z.input<typeof EditFields>;
type FormOutput = z.output<typeof EditFields>;
type TextField = "name" | "company" | "cnpj" | "email" | "phone" | "employees";

function defaults(lead: LeadOutput): FormInput {
  return {
    name: lead.name,
    company: lead.company ?? "",
    cnpj: lead.cnpj ? formatCnpj(lead.cnpj) : "",
    email: lead.email ?? "",
    phone: lead.phone ? formatPhone(lead.phone) : "",
    source: lead.source,
    employees: lead.employees === null ? "" : String(lead.employees),
    notes: lead.notes ?? "",
  };
}

/** The lead's contact and company fields (status, owner and tags are edited in place in the header). */
export function LeadEditDialog({ lead, open, onOpenChange }: { lead: LeadOutput; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(EditFields), defaultValues: defaults(lead) });

  useEffect(() => {
    if (open) form.reset(defaults(lead));
  }, [open, lead, form]);

  const update = useMutation(
    trpc.leads.update.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.leads.get.queryKey({ id: lead.id }), saved);
        void queryClient.invalidateQueries({ queryKey: trpc.leads.list.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.activities.pathKey() });
        toast.success(t("leadPage.saved"));
        onOpenChange(false);
      },
      onError: (error) => {
        const entries = Object.entries(error.data?.fieldErrors ?? {}).filter(([field]) => field in EditFields.shape);
        for (const [field, messages] of entries) form.setError(field as keyof FormInput, { message: messages[0] });
        if (entries.length === 0) toast.error(tm(error.message));
      },
    }),
  );

  const text = (name: TextField, props: React.ComponentProps<"input"> = {}) => (
    <FormField
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <FormItem>
          <FormLabel>{t(`leadPage.field.${name}`)}</FormLabel>
          <FormControl>
            <Input {...props} {...field} value={field.value === null || field.value === undefined ? "" : String(field.value)} />
          </FormControl>
          <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
        </FormItem>
      )}
    />
  );

  return (
    <Dialog open={open} onOpenChange={(next) => !update.isPending && onOpenChange(next)}>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{t("leadPage.editTitle")}</DialogTitle>
          <DialogDescription>{t("leadPage.editDescription")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form
            onSubmit={form.handleSubmit((data) => update.mutate({ id: lead.id, data }))}
            noValidate
            className="grid gap-4 sm:grid-cols-2"
            data-testid="lead-edit-form"
          >
            <div className="sm:col-span-2">{text("name", { autoFocus: true, maxLength: 120 })}</div>
            {text("company", { maxLength: 120 })}
            {text("cnpj", { inputMode: "numeric", placeholder: "00.000.000/0000-00" })}
            {text("email", { type: "email" })}
            {text("phone", { type: "tel", placeholder: "(11) 98765-4321" })}
            <FormField
              control={form.control}
              name="source"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("leadPage.field.source")}</FormLabel>
                  <Select value={field.value ?? "other"} onValueChange={field.onChange}>
                    <FormControl>
                      <SelectTrigger className="w-full">
                        <SelectValue />
                      </SelectTrigger>
                    </FormControl>
                    <SelectContent>
                      {LEAD_SOURCES.map((s) => (
                        <SelectItem key={s} value={s}>
                          {t(`leads.source.${s}`)}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                </FormItem>
              )}
            />
            {text("employees", { inputMode: "numeric" })}
            <FormField
              control={form.control}
              name="notes"
              render={({ field, fieldState }) => (
                <FormItem className="sm:col-span-2">
                  <FormLabel>{t("leadPage.field.notes")}</FormLabel>
                  <FormControl>
                    <Textarea rows={3} maxLength={2000} {...field} value={field.value ?? ""} />
                  </FormControl>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <DialogFooter className="sm:col-span-2">
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={update.isPending}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" disabled={update.isPending}>
                {update.isPending ? t("common.loading") : t("common.save")}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
