"use client";

import { useFormContext, useWatch, type FieldPath } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import type { MessageKey } from "@/lib/i18n";
import { LEAD_SOURCES, LEAD_STATUSES } from "@/lib/schemas/lead";
import type { ScoringRuleFields } from "@/lib/schemas/scoring";
import { NumberInput } from "./number-input";

type FormInput = ScoringRuleFields;
type Name = FieldPath<FormInput>;

function NumberField({
  name,
  label,
  hint,
  signed,
  optional,
}: {
  name: Name;
  label: MessageKey;
  hint?: MessageKey;
  signed?: boolean;
  optional?: boolean;
}) {
  const { t, tm } = useI18n();
  const { control } = useFormContext<FormInput>();
  return (
    <FormField
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormItem className="content-start">
          <FormLabel>{t(label)}</FormLabel>
          <FormControl>
            <NumberInput
              name={field.name}
              ref={field.ref}
              onBlur={field.onBlur}
              value={field.value}
              onChange={field.onChange}
              signed={signed}
              emptyIsNull={optional}
              placeholder={optional ? t("common.optional") : undefined}
            />
          </FormControl>
          {hint && <FormDescription>{t(hint)}</FormDescription>}
          <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
        </FormItem>
      )}
    />
  );
}

function OptionsField({
  name,
  label,
  options,
}: {
  name: "condition.sources" | "condition.statuses";
  label: MessageKey;
  options: [string, string][];
}) {
  const { t, tm } = useI18n();
  const { control } = useFormContext<FormInput>();
  return (
    <FormField
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const selected = (field.value as string[] | undefined) ?? [];
        return (
          <FormItem className="sm:col-span-2">
            <fieldset className="grid gap-2" aria-invalid={Boolean(fieldState.error)}>
              <legend className={cn("mb-2 text-sm leading-none font-medium", fieldState.error && "text-destructive")}>{t(label)}</legend>
              <div className="grid grid-cols-2 gap-2 rounded-md border p-3 sm:grid-cols-3">
                {options.map(([value, text]) => {
                  const id = `${name}-${value}`;
                  return (
                    <div key={value} className="flex items-center gap-2">
                      <Checkbox
                        id={id}
                        ref={value === options[0]?.[0] ? field.ref : undefined}
                        checked={selected.includes(value)}
                        onCheckedChange={(checked) => field.onChange(checked ? [...selected, value] : selected.filter((v) => v !== value))}
                      />
                      <Label htmlFor={id} className="font-normal">
                        {text}
                      </Label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
            <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
          </FormItem>
        );
      }}
    />
  );
}

function TagsField() {
  const { t, tm } = useI18n();
  const { control } = useFormContext<FormInput>();
  return (
    <FormField
      control={control}
      name="condition.tags"
      render={({ field, fieldState }) => (
        <FormItem className="sm:col-span-2">
          <FormLabel>{t("scoring.field.tags")}</FormLabel>
          <FormControl>
            <Input
              name={field.name}
              ref={field.ref}
              onBlur={field.onBlur}
              defaultValue={((field.value as string[] | undefined) ?? []).join(", ")}
              placeholder={t("scoring.field.tagsPlaceholder")}
              onChange={(e) =>
                field.onChange(
                  e.target.value
                    .split(",")
                    .map((tag) => tag.trim())
                    .filter(Boolean),
                )
              }
            />
          </FormControl>
          <FormDescription>{t("scoring.hint.tags")}</FormDescription>
          <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
        </FormItem>
      )}
    />
  );
}

/** The parameter inputs of the chosen condition type (none for presence checks). */
export function ConditionFields() {
  const { t } = useI18n();
  const { control } = useFormContext<FormInput>();
  const type = useWatch({ control, name: "condition.type" });
  switch (type) {
    case "employees_at_least":
      return <NumberField name="condition.min" label="scoring.field.min" />;
    case "source_in":
      return (
        <OptionsField
          name="condition.sources"
          label="scoring.field.sources"
          options={LEAD_SOURCES.map((s) => [s, t(`leads.source.${s}`)])}
        />
      );
    case "status_in":
      return (
        <OptionsField
          name="condition.statuses"
          label="scoring.field.statuses"
          options={LEAD_STATUSES.map((s) => [s, t(`leads.status.${s}`)])}
        />
      );
    case "tag_any":
      return <TagsField />;
    case "answered_call":
    case "proposal_viewed":
      return <NumberField name="condition.withinDays" label="scoring.field.withinDays" hint="scoring.hint.withinDays" optional />;
    case "days_since_contact":
      return (
        <>
          <NumberField name="condition.afterDays" label="scoring.field.afterDays" />
          <NumberField name="condition.pointsPerDay" label="scoring.field.pointsPerDay" hint="scoring.hint.negative" signed />
          <NumberField name="condition.maxPoints" label="scoring.field.maxPoints" hint="scoring.hint.negative" signed />
          <p className="text-sm text-muted-foreground sm:col-span-2">{t("scoring.hint.decay")}</p>
        </>
      );
    default:
      return null;
  }
}
