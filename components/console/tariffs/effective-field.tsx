"use client";

import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/components/providers/i18n-provider";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyControl<T extends FieldValues> = Control<T, any, any>;

/** "2026-11-01" or "2026-11-01 14:30[:ss]" ↔ a date input and an optional time input. */
function split(value: string): { date: string; time: string } {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?))?$/.exec(value.trim());
  return match ? { date: match[1]!, time: match[2] ?? "" } : { date: "", time: "" };
}

const join = (date: string, time: string) => (date ? (time ? `${date} ${time}` : date) : "");

type Props<T extends FieldValues> = { control: AnyControl<T>; name: FieldPath<T>; label: string; hint: string };

/**
 * An effective date: a São Paulo calendar day (its midnight) and, optionally, a time. One string
 * field in the form, the text RateFields parses.
 */
export function EffectiveField<T extends FieldValues>({ control, name, label, hint }: Props<T>) {
  const { t, tm } = useI18n();
  return (
    <FormField
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const { date, time } = split(String(field.value ?? ""));
        return (
          <FormItem className="content-start">
            <FormLabel>{label}</FormLabel>
            <div className="flex gap-2">
              <Input
                type="date"
                value={date}
                onChange={(e) => field.onChange(join(e.target.value, e.target.value ? time : ""))}
                onBlur={field.onBlur}
                aria-invalid={fieldState.error ? true : undefined}
                aria-label={label}
                className="min-w-0 flex-1"
              />
              <Input
                type="time"
                step={1}
                value={time}
                disabled={!date}
                onChange={(e) => field.onChange(join(date, e.target.value))}
                aria-label={`${label} — ${t("tariffs.rates.time")}`}
                className="w-32"
              />
            </div>
            {!fieldState.error && <FormDescription>{hint}</FormDescription>}
            <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
          </FormItem>
        );
      }}
    />
  );
}
