"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useForm, type Path } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatCnpj } from "@/lib/cnpj";
import { formatPhone } from "@/lib/phone";
import { LEAD_SOURCES, LEAD_STATUSES, LeadFields, type LeadOutput } from "@/lib/schemas/lead";
import { DuplicateWarning } from "@/components/leads/merge/duplicate-warning";
import { TagInput, useLeadTagSuggestions } from "./tag-input";

type FormInput = z.input<typeof LeadFields>;
type FormOutput = z.output<typeof LeadFields>;
const NO_OWNER = "__none";

function defaults(lead: LeadOutput | null, myMembershipId: string | null): FormInput {
  return {
    name: lead?.name ?? "",
    company: lead?.company ?? "",
    cnpj: lead?.cnpj ? formatCnpj(lead.cnpj) : "",
    email: lead?.email ?? "",
    phone: lead?.phone ? formatPhone(lead.phone) : "",
    source: lead?.source ?? "other",
    status: lead?.status ?? "new",
    ownerId: lead ? (lead.owner?.id ?? null) : myMembershipId,
    notes: lead?.notes ?? "",
    tags: lead?.tags ?? [],
    employees: lead?.employees?.toString() ?? "",
  };
}

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The lead being edited, or null to create one. */
  lead: LeadOutput | null;
  /** Null for an actor without a membership: a new lead then starts without an owner. */
  myMembershipId: string | null;
  /** Reps may only give a lead to themselves (or leave it unassigned); the server enforces it too. */
  canAssignOthers: boolean;
};

export function LeadFormDialog({ open, onOpenChange, lead, myMembershipId, canAssignOthers }: Props) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const allMembers = useQuery(trpc.members.list.queryOptions()).data ?? [];
  const members = canAssignOthers ? allMembers : allMembers.filter((m) => m.id === myMembershipId || m.id === lead?.owner?.id);
  const tagSuggestions = useLeadTagSuggestions(open);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(LeadFields),
    defaultValues: defaults(lead, myMembershipId),
  });

  useEffect(() => {
    if (open) form.reset(defaults(lead, myMembershipId));
  }, [open, lead, myMembershipId, form]);

  const onServerError = (error: { message: string; data?: { fieldErrors?: Record<string, string[]> } | null }) => {
    const fieldErrors = Object.entries(error.data?.fieldErrors ?? {});
    for (const [path, messages] of fieldErrors) {
      const field = path.split(".")[0]!; // "tags.3" is the tags field's error
      if (field in LeadFields.shape) form.setError(field as Path<FormInput>, { message: messages[0] });
    }
    if (fieldErrors.length === 0) toast.error(error.message);
  };
  const onSaved = (message: string) => {
    toast.success(message);
    void queryClient.invalidateQueries({ queryKey: trpc.leads.pathKey() });
    onOpenChange(false);
  };

  const create = useMutation(trpc.leads.create.mutationOptions({ onSuccess: () => onSaved(t("leads.created")), onError: onServerError }));
  const update = useMutation(trpc.leads.update.mutationOptions({ onSuccess: () => onSaved(t("leads.updated")), onError: onServerError }));
  const saving = create.isPending || update.isPending;

  function onSubmit(values: FormOutput) {
    if (lead) update.mutate({ id: lead.id, data: values });
    else create.mutate(values);
  }

  const [email, phone, cnpj] = form.watch(["email", "phone", "cnpj"]);

  const text = (name: "name" | "company" | "cnpj" | "email" | "phone" | "employees", props: React.ComponentProps<"input"> = {}) => (
    <FormField
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <FormItem>
          <FormLabel>{t(`leads.field.${name}`)}</FormLabel>
          <FormControl>
            <Input {...props} {...field} value={(field.value as string | number | null | undefined) ?? ""} />
          </FormControl>
          <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
        </FormItem>
      )}
    />
  );

  // The owner select shows "no owner" for null; status and source always have a value.
  const choice = (name: "status" | "source" | "ownerId", options: [string, string][]) => (
    <FormField
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <FormItem>
          <FormLabel>{t(name === "ownerId" ? "leads.field.owner" : `leads.field.${name}`)}</FormLabel>
          <Select value={field.value ?? NO_OWNER} onValueChange={(v) => field.onChange(v === NO_OWNER ? null : v)}>
            <FormControl>
              <SelectTrigger className="w-full">
                <SelectValue />
              </SelectTrigger>
            </FormControl>
            <SelectContent>
              {options.map(([value, label]) => (
                <SelectItem key={value} value={value}>
                  {label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
        </FormItem>
      )}
    />
  );

  return (
    <Dialog open={open} onOpenChange={(next) => !saving && onOpenChange(next)}>
      <DialogContent className="max-h-[92vh] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{lead ? t("leads.editTitle") : t("leads.newTitle")}</DialogTitle>
          <DialogDescription>{t("leads.subtitle")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-4 sm:grid-cols-2" data-testid="lead-form">
            <div className="sm:col-span-2">{text("name", { autoFocus: true, maxLength: 120 })}</div>
            {text("company", { maxLength: 120 })}
            {text("cnpj", { inputMode: "numeric", placeholder: "00.000.000/0000-00" })}
            {text("email", { type: "email" })}
            {text("phone", { type: "tel", placeholder: "(11) 98765-4321" })}
            {choice(
              "status",
              LEAD_STATUSES.map((v) => [v, t(`leads.status.${v}`)]),
            )}
            {choice(
              "source",
              LEAD_SOURCES.map((v) => [v, t(`leads.source.${v}`)]),
            )}
            {choice("ownerId", [[NO_OWNER, t("leads.ownerNone")], ...members.map((m): [string, string] => [m.id, m.name])])}
            {text("employees", { inputMode: "numeric", placeholder: t("leads.employeesPlaceholder") })}
            <FormField
              control={form.control}
              name="tags"
              render={({ field, fieldState }) => (
                <FormItem className="sm:col-span-2">
                  <FormLabel>{t("leads.field.tags")}</FormLabel>
                  <FormControl>
                    <TagInput
                      value={field.value ?? []}
                      onChange={field.onChange}
                      suggestions={tagSuggestions}
                      invalid={Boolean(fieldState.error)}
                    />
                  </FormControl>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <div className="sm:col-span-2">
              <DuplicateWarning values={{ email, phone, cnpj }} excludeId={lead?.id} />
            </div>
            <FormField
              control={form.control}
              name="notes"
              render={({ field, fieldState }) => (
                <FormItem className="sm:col-span-2">
                  <FormLabel>{t("leads.field.notes")}</FormLabel>
                  <FormControl>
                    <Textarea rows={3} maxLength={2000} {...field} value={field.value ?? ""} />
                  </FormControl>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
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
