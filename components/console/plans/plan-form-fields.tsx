"use client";

import type { Control } from "react-hook-form";
import type { z } from "zod";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useI18n } from "@/components/providers/i18n-provider";
import { PLAN_FEATURES, type PlanFeature, type PlanFields } from "@/lib/schemas/plan";
import { PlanCheckbox } from "./plan-checkbox";

export type PlanFormInput = z.input<typeof PlanFields>;
type LimitName = "maxUsers" | "maxExtensions" | "maxDids" | "maxConcurrentCalls";

/** One whole-number limit; arrow keys step it, the schema checks it. */
function LimitField({ control, name, min }: { control: Control<PlanFormInput>; name: LimitName; min: number }) {
  const { t, tm } = useI18n();
  return (
    <FormField
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormItem className="content-start">
          <FormLabel>{t(`plans.field.${name}`)}</FormLabel>
          <FormControl>
            <Input type="number" inputMode="numeric" min={min} step={1} {...field} value={field.value ?? ""} />
          </FormControl>
          {name === "maxUsers" && !fieldState.error && <FormDescription>{t("plans.usersHint")}</FormDescription>}
          <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
        </FormItem>
      )}
    />
  );
}

export function PlanLimitFields({ control }: { control: Control<PlanFormInput> }) {
  const { t } = useI18n();
  return (
    <fieldset className="grid gap-4 sm:col-span-2 sm:grid-cols-2">
      <legend className="mb-2 text-sm font-semibold">{t("plans.limitsLegend")}</legend>
      <LimitField control={control} name="maxUsers" min={1} />
      <LimitField control={control} name="maxExtensions" min={0} />
      <LimitField control={control} name="maxDids" min={0} />
      <LimitField control={control} name="maxConcurrentCalls" min={0} />
    </fieldset>
  );
}

export function PlanFeatureFields({ control }: { control: Control<PlanFormInput> }) {
  const { t, tm } = useI18n();
  return (
    <FormField
      control={control}
      name="features"
      render={({ field, fieldState }) => {
        const selected = new Set<PlanFeature>(field.value ?? []);
        const toggle = (feature: PlanFeature, on: boolean) => {
          const next = new Set(selected);
          if (on) next.add(feature);
          else next.delete(feature);
          field.onChange(PLAN_FEATURES.filter((f) => next.has(f)));
        };
        return (
          <fieldset className="sm:col-span-2">
            <legend className="mb-2 text-sm font-semibold">{t("plans.featuresLegend")}</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              {PLAN_FEATURES.map((feature) => {
                const id = `plan-feature-${feature}`;
                return (
                  <div key={feature} className="flex items-center gap-2">
                    <PlanCheckbox
                      id={id}
                      checked={selected.has(feature)}
                      onCheckedChange={(checked) => toggle(feature, checked === true)}
                      onBlur={field.onBlur}
                    />
                    <Label htmlFor={id} className="font-normal">
                      {t(`plans.feature.${feature}`)}
                    </Label>
                  </div>
                );
              })}
            </div>
            {fieldState.error && <p className="mt-2 text-sm text-destructive">{tm(fieldState.error.message)}</p>}
          </fieldset>
        );
      }}
    />
  );
}
