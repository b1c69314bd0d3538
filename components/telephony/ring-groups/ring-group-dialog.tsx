"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useForm, type FieldPath } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { applyServerErrors, type ServerError } from "@/components/settings/apply-server-errors";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { RING_SECONDS, RING_STRATEGIES, RingGroupFields, type RingGroupOutput } from "@/lib/schemas/numbers";
import { MemberList } from "./member-list";

type FormInput = z.input<typeof RingGroupFields>;
type FormOutput = z.output<typeof RingGroupFields>;
const FIELDS = ["name", "strategy", "ringSeconds", "memberIds"] as const;

function defaults(group: RingGroupOutput | null): FormInput {
  return {
    name: group?.name ?? "",
    strategy: group?.strategy ?? "ringall",
    ringSeconds: group?.ringSeconds ?? 20,
    memberIds: group?.members.map((m) => m.id) ?? [],
  };
}

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The group being edited, or null to create one. */
  group: RingGroupOutput | null;
};

export function RingGroupDialog({ open, onOpenChange, group }: Props) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const extensions = useQuery({ ...trpc.telephony.ringGroups.extensionOptions.queryOptions(), enabled: open });
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(RingGroupFields), defaultValues: defaults(group) });

  useEffect(() => {
    if (open) form.reset(defaults(group));
  }, [open, group, form]);

  const onError = (error: ServerError) =>
    applyServerErrors((field, message) => form.setError(field as FieldPath<FormInput>, { message }), error, FIELDS);
  const onSaved = (saved: RingGroupOutput, key: "numbers.ringGroups.created" | "numbers.ringGroups.updated") => {
    toast.success(t(key, { name: saved.name }));
    void queryClient.invalidateQueries({ queryKey: trpc.telephony.pathKey() });
    onOpenChange(false);
  };
  const create = useMutation(
    trpc.telephony.ringGroups.create.mutationOptions({ onSuccess: (g) => onSaved(g, "numbers.ringGroups.created"), onError }),
  );
  const update = useMutation(
    trpc.telephony.ringGroups.update.mutationOptions({ onSuccess: (g) => onSaved(g, "numbers.ringGroups.updated"), onError }),
  );
  const saving = create.isPending || update.isPending;
  const strategy = form.watch("strategy");

  function onSubmit(values: FormOutput) {
    if (group) update.mutate({ id: group.id, data: values });
    else create.mutate(values);
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !saving && onOpenChange(next)}>
      <DialogContent className="max-h-[92vh] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{group ? t("numbers.ringGroups.editTitle", { name: group.name }) : t("numbers.ringGroups.newTitle")}</DialogTitle>
          <DialogDescription>{t("numbers.ringGroups.formDescription")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form
            onSubmit={form.handleSubmit(onSubmit)}
            noValidate
            className="grid items-start gap-4 sm:grid-cols-2"
            data-testid="ring-group-form"
          >
            <FormField
              control={form.control}
              name="name"
              render={({ field, fieldState }) => (
                <FormItem className="sm:col-span-2">
                  <FormLabel>{t("numbers.ringGroups.name")}</FormLabel>
                  <FormControl>
                    <Input autoFocus maxLength={80} {...field} />
                  </FormControl>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="strategy"
              render={({ field, fieldState }) => (
                <FormItem>
                  <FormLabel>{t("numbers.ringGroups.strategy")}</FormLabel>
                  <Select value={field.value} onValueChange={field.onChange}>
                    <FormControl>
                      <SelectTrigger className="w-full">
                        <SelectValue />
                      </SelectTrigger>
                    </FormControl>
                    <SelectContent>
                      {RING_STRATEGIES.map((value) => (
                        <SelectItem key={value} value={value}>
                          {t(`numbers.ringGroups.strategies.${value}`)}
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
              name="ringSeconds"
              render={({ field, fieldState }) => (
                <FormItem>
                  <FormLabel>{t("numbers.ringGroups.ringSeconds")}</FormLabel>
                  <FormControl>
                    <Input
                      type="number"
                      inputMode="numeric"
                      min={RING_SECONDS.min}
                      max={RING_SECONDS.max}
                      step={1}
                      {...field}
                      value={Number.isNaN(field.value) ? "" : field.value}
                      onChange={(e) => field.onChange(e.target.value === "" ? Number.NaN : e.target.valueAsNumber)}
                    />
                  </FormControl>
                  <FormDescription>{t(`numbers.ringGroups.ringSecondsHint.${strategy}`)}</FormDescription>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="memberIds"
              render={({ field, fieldState }) => (
                <FormItem className="sm:col-span-2">
                  <FormLabel>{t("numbers.ringGroups.members")}</FormLabel>
                  <FormDescription>{t("numbers.ringGroups.membersHint")}</FormDescription>
                  {extensions.data ? (
                    <MemberList
                      value={field.value}
                      onChange={field.onChange}
                      extensions={extensions.data}
                      invalid={Boolean(fieldState.error)}
                    />
                  ) : (
                    <Skeleton className="h-20 w-full" />
                  )}
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
