"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useForm, type Path } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { ExtensionCreateInput, MAX_CONTACTS_LIMIT, type ExtensionOutput, type ExtensionWithSecret } from "@/lib/schemas/extension";

type FormInput = z.input<typeof ExtensionCreateInput>;
type FormOutput = z.output<typeof ExtensionCreateInput>;
const NONE = "__none";

function defaults(extension: ExtensionOutput | null): FormInput {
  return {
    number: extension?.number ?? "",
    name: extension?.name ?? "",
    membershipId: extension?.member?.id ?? null,
    callerIdNumber: extension?.callerIdNumber ?? "",
    voicemail: extension?.voicemail ?? false,
    maxContacts: extension?.maxContacts ?? 1,
    enabled: extension?.enabled ?? true,
  };
}

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The extension being edited, or null to create one. */
  extension: ExtensionOutput | null;
  /** A new extension's SIP password goes to the secret-once dialog. */
  onCreated: (created: ExtensionWithSecret) => void;
};

/** Create or edit an extension; server field errors (number taken, member has one, caller id not a DID) land under their field. */
export function ExtensionFormDialog({ open, onOpenChange, extension, onCreated }: Props) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery({ ...trpc.members.list.queryOptions(), enabled: open }).data ?? [];
  const options = useQuery({ ...trpc.telephony.extensions.formOptions.queryOptions(), enabled: open }).data;
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(ExtensionCreateInput), defaultValues: defaults(extension) });

  useEffect(() => {
    if (open) form.reset(defaults(extension));
  }, [open, extension, form]);

  const onServerError = (error: { message: string; data?: { fieldErrors?: Record<string, string[]> } | null }) => {
    const fieldErrors = Object.entries(error.data?.fieldErrors ?? {});
    for (const [field, messages] of fieldErrors) {
      if (field in ExtensionCreateInput.shape) form.setError(field as Path<FormInput>, { message: messages[0] });
    }
    if (fieldErrors.length === 0) toast.error(error.message);
  };
  const saved = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.telephony.extensions.pathKey() });
    onOpenChange(false);
  };
  const create = useMutation(
    trpc.telephony.extensions.create.mutationOptions({
      onSuccess: (created) => {
        toast.success(t("telephony.extensions.created", { number: created.extension.number }));
        saved();
        onCreated(created);
      },
      onError: onServerError,
    }),
  );
  const update = useMutation(
    trpc.telephony.extensions.update.mutationOptions({
      onSuccess: (updated) => {
        toast.success(t("telephony.extensions.updated", { number: updated.number }));
        saved();
      },
      onError: onServerError,
    }),
  );
  const saving = create.isPending || update.isPending;

  function onSubmit({ number: _number, ...values }: FormOutput) {
    if (extension) update.mutate({ id: extension.id, data: values });
    else create.mutate({ number: _number, ...values });
  }

  // Members who already have an extension are offered only if it is this one (one extension per member).
  const taken = new Set(options ? members.filter((m) => !options.membersWithoutExtension.some((w) => w.id === m.id)).map((m) => m.id) : []);
  const memberChoices = members.filter((m) => !taken.has(m.id) || m.id === extension?.member?.id);
  const dids = options?.dids ?? [];
  const currentCallerId = extension?.callerIdNumber;

  return (
    <Dialog open={open} onOpenChange={(next) => !saving && onOpenChange(next)}>
      <DialogContent className="max-h-[92vh] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>
            {extension ? t("telephony.extensions.editTitle", { number: extension.number }) : t("telephony.extensions.newTitle")}
          </DialogTitle>
          <DialogDescription>{t("telephony.extensions.formDescription")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-4 sm:grid-cols-2" data-testid="extension-form">
            <FormField
              control={form.control}
              name="number"
              render={({ field, fieldState }) => (
                <FormItem>
                  <FormLabel>{t("telephony.extensions.field.number")}</FormLabel>
                  <FormControl>
                    <Input
                      {...field}
                      inputMode="numeric"
                      maxLength={6}
                      autoFocus={!extension}
                      disabled={Boolean(extension)}
                      placeholder="1001"
                    />
                  </FormControl>
                  <FormDescription>{t("telephony.extensions.hint.number")}</FormDescription>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="name"
              render={({ field, fieldState }) => (
                <FormItem>
                  <FormLabel>{t("telephony.extensions.field.name")}</FormLabel>
                  <FormControl>
                    <Input {...field} maxLength={40} autoFocus={Boolean(extension)} />
                  </FormControl>
                  <FormDescription>{t("telephony.extensions.hint.name")}</FormDescription>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="membershipId"
              render={({ field, fieldState }) => (
                <FormItem>
                  <FormLabel>{t("telephony.extensions.field.member")}</FormLabel>
                  <Select value={field.value ?? NONE} onValueChange={(v) => field.onChange(v === NONE ? null : v)}>
                    <FormControl>
                      <SelectTrigger className="w-full">
                        <SelectValue />
                      </SelectTrigger>
                    </FormControl>
                    <SelectContent>
                      <SelectItem value={NONE}>{t("telephony.extensions.memberNone")}</SelectItem>
                      {memberChoices.map((m) => (
                        <SelectItem key={m.id} value={m.id}>
                          {m.name}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="callerIdNumber"
              render={({ field, fieldState }) => (
                <FormItem>
                  <FormLabel>{t("telephony.extensions.field.callerIdNumber")}</FormLabel>
                  <Select value={field.value || NONE} onValueChange={(v) => field.onChange(v === NONE ? "" : v)}>
                    <FormControl>
                      <SelectTrigger className="w-full">
                        <SelectValue />
                      </SelectTrigger>
                    </FormControl>
                    <SelectContent>
                      <SelectItem value={NONE}>{t("telephony.extensions.callerIdDefault")}</SelectItem>
                      {[...new Set([...(currentCallerId ? [currentCallerId] : []), ...dids])].map((did) => (
                        <SelectItem key={did} value={did}>
                          {did}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                  <FormDescription>
                    {dids.length ? t("telephony.extensions.hint.callerIdNumber") : t("telephony.extensions.noDids")}
                  </FormDescription>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="maxContacts"
              render={({ field, fieldState }) => (
                <FormItem>
                  <FormLabel>{t("telephony.extensions.field.maxContacts")}</FormLabel>
                  <Select value={String(field.value ?? 1)} onValueChange={(v) => field.onChange(Number(v))}>
                    <FormControl>
                      <SelectTrigger className="w-full">
                        <SelectValue />
                      </SelectTrigger>
                    </FormControl>
                    <SelectContent>
                      {Array.from({ length: MAX_CONTACTS_LIMIT }, (_, i) => String(i + 1)).map((n) => (
                        <SelectItem key={n} value={n}>
                          {n}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                  <FormDescription>{t("telephony.extensions.hint.maxContacts")}</FormDescription>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <div className="flex flex-col justify-center gap-3">
              {(["voicemail", "enabled"] as const).map((name) => (
                <FormField
                  key={name}
                  control={form.control}
                  name={name}
                  render={({ field }) => (
                    <FormItem className="flex items-center gap-2">
                      <FormControl>
                        <Checkbox checked={Boolean(field.value)} onCheckedChange={(v) => field.onChange(v === true)} />
                      </FormControl>
                      <FormLabel className="font-normal">{t(`telephony.extensions.field.${name}`)}</FormLabel>
                    </FormItem>
                  )}
                />
              ))}
            </div>
            <FormDialogFooter saving={saving} onCancel={() => onOpenChange(false)} />
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
