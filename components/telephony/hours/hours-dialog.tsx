"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { PlusIcon } from "lucide-react";
import { useEffect } from "react";
import { useFieldArray, useForm, type FieldPath } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { applyServerErrors, type ServerError } from "@/components/settings/apply-server-errors";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { BRAZIL_TIMEZONES, BusinessHoursFields, DEFAULT_TIMEZONE, MAX_HOURS_RULES, type BusinessHoursOutput } from "@/lib/schemas/numbers";
import { RuleEditor } from "./rule-editor";

type FormInput = z.input<typeof BusinessHoursFields>;
type FormOutput = z.output<typeof BusinessHoursFields>;

function defaults(hours: BusinessHoursOutput | null): FormInput {
  return {
    name: hours?.name ?? "",
    timezone: hours?.timezone ?? DEFAULT_TIMEZONE,
    rules: hours?.rules.map((r) => ({ ...r, days: [...r.days] })) ?? [
      { days: ["mon", "tue", "wed", "thu", "fri"], open: "08:00", close: "18:00" },
    ],
  };
}

/** Server field errors arrive as "rules.0.close": every rule field is a form field of its own. */
const serverFields = (ruleCount: number) => [
  "name",
  "timezone",
  "rules",
  ...Array.from({ length: ruleCount }, (_, i) => [`rules.${i}.days`, `rules.${i}.open`, `rules.${i}.close`]).flat(),
];

type Props = { open: boolean; onOpenChange: (open: boolean) => void; hours: BusinessHoursOutput | null };

export function HoursDialog({ open, onOpenChange, hours }: Props) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(BusinessHoursFields), defaultValues: defaults(hours) });
  const rules = useFieldArray({ control: form.control, name: "rules" });

  useEffect(() => {
    if (open) form.reset(defaults(hours));
  }, [open, hours, form]);

  const onError = (error: ServerError) =>
    applyServerErrors(
      (field, message) => form.setError(field as FieldPath<FormInput>, { message }),
      error,
      serverFields(rules.fields.length),
    );
  const onSaved = (saved: BusinessHoursOutput, key: "numbers.hours.created" | "numbers.hours.updated") => {
    toast.success(t(key, { name: saved.name }));
    void queryClient.invalidateQueries({ queryKey: trpc.telephony.pathKey() });
    onOpenChange(false);
  };
  const create = useMutation(
    trpc.telephony.businessHours.create.mutationOptions({ onSuccess: (h) => onSaved(h, "numbers.hours.created"), onError }),
  );
  const update = useMutation(
    trpc.telephony.businessHours.update.mutationOptions({ onSuccess: (h) => onSaved(h, "numbers.hours.updated"), onError }),
  );
  const saving = create.isPending || update.isPending;
  // A list-level error (too few or too many rules) sits on the array itself, or on its root with field arrays.
  const rulesErrors = form.formState.errors.rules;
  const rulesError = rulesErrors?.root?.message ?? rulesErrors?.message;

  function onSubmit(values: FormOutput) {
    if (hours) update.mutate({ id: hours.id, data: values });
    else create.mutate(values);
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !saving && onOpenChange(next)}>
      <DialogContent className="max-h-[92vh] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{hours ? t("numbers.hours.editTitle", { name: hours.name }) : t("numbers.hours.newTitle")}</DialogTitle>
          <DialogDescription>{t("numbers.hours.formDescription")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form
            onSubmit={form.handleSubmit(onSubmit)}
            noValidate
            className="grid items-start gap-4 sm:grid-cols-2"
            data-testid="hours-form"
          >
            <FormField
              control={form.control}
              name="name"
              render={({ field, fieldState }) => (
                <FormItem className="sm:col-span-2">
                  <FormLabel>{t("numbers.hours.name")}</FormLabel>
                  <FormControl>
                    <Input autoFocus maxLength={80} {...field} />
                  </FormControl>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="timezone"
              render={({ field, fieldState }) => (
                <FormItem className="sm:col-span-2">
                  <FormLabel>{t("numbers.hours.timezone")}</FormLabel>
                  <Select value={field.value} onValueChange={field.onChange}>
                    <FormControl>
                      <SelectTrigger className="w-full">
                        <SelectValue />
                      </SelectTrigger>
                    </FormControl>
                    <SelectContent>
                      {BRAZIL_TIMEZONES.map((zone) => (
                        <SelectItem key={zone} value={zone}>
                          {t(`numbers.timezones.${zone.replace("/", "_") as "America_Sao_Paulo"}`)}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <div className="grid gap-3 sm:col-span-2">
              <span className="text-sm font-medium">{t("numbers.hours.rules")}</span>
              {rules.fields.map((rule, index) => (
                <RuleEditor key={rule.id} index={index} onRemove={() => rules.remove(index)} canRemove={rules.fields.length > 1} />
              ))}
              {rulesError && (
                <p role="alert" className="text-sm text-destructive">
                  {tm(rulesError)}
                </p>
              )}
              {rules.fields.length < MAX_HOURS_RULES && (
                <Button
                  type="button"
                  variant="outline"
                  size="sm"
                  className="w-fit"
                  onClick={() => rules.append({ days: ["sat"], open: "09:00", close: "13:00" })}
                >
                  <PlusIcon aria-hidden /> {t("numbers.hours.addRule")}
                </Button>
              )}
            </div>
            <FormDialogFooter saving={saving} onCancel={() => onOpenChange(false)} />
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
