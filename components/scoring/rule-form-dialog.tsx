"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import { toast } from "sonner";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectGroup, SelectItem, SelectLabel, SelectTrigger, SelectValue } from "@/components/ui/select";
import { applyServerErrors } from "@/components/settings/apply-server-errors";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { ScoringRuleFields, type ScoringConditionType, type ScoringRuleData, type ScoringRuleOutput } from "@/lib/schemas/scoring";
import { BEHAVIOUR_CONDITIONS, FIELD_CONDITIONS, RULE_FORM_FIELDS, conditionDefaults } from "./condition-defaults";
import { ConditionFields } from "./condition-fields";
import { NumberInput } from "./number-input";

type FormInput = ScoringRuleFields;

function defaults(rule: ScoringRuleOutput | null): FormInput {
  if (rule) return { name: rule.name, points: rule.points, condition: rule.condition, enabled: rule.enabled };
  return { name: "", points: 10, condition: conditionDefaults("employees_at_least"), enabled: true };
}

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The rule being edited, or null to create one. */
  rule: ScoringRuleOutput | null;
  onSaved: () => void;
};

export function RuleFormDialog({ open, onOpenChange, rule, onSaved }: Props) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<FormInput, unknown, ScoringRuleData>({ resolver: zodResolver(ScoringRuleFields), defaultValues: defaults(rule) });
  const { reset } = form;

  useEffect(() => {
    if (open) reset(defaults(rule));
  }, [open, rule, reset]);

  const done = (message: string) => {
    toast.success(message);
    void queryClient.invalidateQueries({ queryKey: trpc.scoring.rules.list.queryKey() });
    onOpenChange(false);
    onSaved();
  };
  const onError = (error: Parameters<typeof applyServerErrors>[1]) =>
    applyServerErrors((field, message) => form.setError(field as Path<FormInput>, { message }), error, RULE_FORM_FIELDS);
  const create = useMutation(trpc.scoring.rules.create.mutationOptions({ onSuccess: () => done(t("scoring.rules.created")), onError }));
  const update = useMutation(trpc.scoring.rules.update.mutationOptions({ onSuccess: () => done(t("scoring.rules.updated")), onError }));
  const saving = create.isPending || update.isPending;

  const type = useWatch({ control: form.control, name: "condition.type" });
  const isDecay = type === "days_since_contact";

  function onSubmit(values: ScoringRuleData) {
    if (rule) update.mutate({ id: rule.id, data: values });
    else create.mutate(values);
  }

  function changeType(next: ScoringConditionType) {
    form.setValue("condition", conditionDefaults(next), { shouldDirty: true });
    form.clearErrors(["condition", "points"]);
    // A decay rule's points are its cap (a condition parameter): its hidden points field is cleared
    // so it can never block saving, and gets a starting value again when the user leaves decay.
    if (next === "days_since_contact") form.setValue("points", null);
    else if (type === "days_since_contact") form.setValue("points", 10);
  }

  const typeItems = (types: readonly ScoringConditionType[]) =>
    types.map((value) => (
      <SelectItem key={value} value={value}>
        {t(`scoring.type.${value}`)}
      </SelectItem>
    ));

  return (
    <Dialog open={open} onOpenChange={(next) => !saving && onOpenChange(next)}>
      <DialogContent className="max-h-[92vh] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{rule ? t("scoring.dialog.editTitle") : t("scoring.dialog.newTitle")}</DialogTitle>
          <DialogDescription>{t("scoring.dialog.description")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-4 sm:grid-cols-2" data-testid="rule-form">
            <FormField
              control={form.control}
              name="name"
              render={({ field, fieldState }) => (
                <FormItem className="sm:col-span-2">
                  <FormLabel>{t("scoring.field.name")}</FormLabel>
                  <FormControl>
                    <Input {...field} autoFocus maxLength={80} />
                  </FormControl>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="condition.type"
              render={({ field, fieldState }) => (
                <FormItem className={isDecay ? "content-start sm:col-span-2" : "content-start"}>
                  <FormLabel>{t("scoring.field.type")}</FormLabel>
                  <Select value={field.value} onValueChange={(v) => changeType(v as ScoringConditionType)}>
                    <FormControl>
                      <SelectTrigger className="w-full" ref={field.ref}>
                        <SelectValue />
                      </SelectTrigger>
                    </FormControl>
                    <SelectContent>
                      <SelectGroup>
                        <SelectLabel>{t("scoring.group.fields")}</SelectLabel>
                        {typeItems(FIELD_CONDITIONS)}
                      </SelectGroup>
                      <SelectGroup>
                        <SelectLabel>{t("scoring.group.behaviour")}</SelectLabel>
                        {typeItems(BEHAVIOUR_CONDITIONS)}
                      </SelectGroup>
                    </SelectContent>
                  </Select>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            {!isDecay && (
              <FormField
                control={form.control}
                name="points"
                render={({ field, fieldState }) => (
                  <FormItem className="content-start">
                    <FormLabel>{t("scoring.field.points")}</FormLabel>
                    <FormControl>
                      <NumberInput
                        name={field.name}
                        ref={field.ref}
                        onBlur={field.onBlur}
                        value={field.value}
                        onChange={field.onChange}
                        signed
                      />
                    </FormControl>
                    <FormDescription>{t("scoring.hint.points")}</FormDescription>
                    <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                  </FormItem>
                )}
              />
            )}
            <ConditionFields key={type} />
            <FormDialogFooter saving={saving} onCancel={() => onOpenChange(false)} />
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
