"use client";

import { Trash2Icon } from "lucide-react";
import { useFormContext, useWatch } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import type { BusinessHoursFields } from "@/lib/schemas/numbers";
import { WEEKDAYS } from "@/lib/telephony/allow-list";

type FormInput = z.input<typeof BusinessHoursFields>;

/** One interval: weekday toggles (pressed buttons, in week order) and the open/close times. */
export function RuleEditor({ index, onRemove, canRemove }: { index: number; onRemove: () => void; canRemove: boolean }) {
  const { t, tm } = useI18n();
  const form = useFormContext<FormInput>();
  const n = index + 1;
  const days = useWatch({ control: form.control, name: `rules.${index}.days` }) ?? [];

  return (
    <fieldset className="grid gap-3 rounded-md border p-3" data-testid="hours-rule">
      <div className="flex items-center justify-between">
        <legend className="text-sm font-medium">{t("numbers.hours.rule", { n })}</legend>
        {canRemove && (
          <Button
            type="button"
            variant="ghost"
            size="icon"
            className="size-7"
            onClick={onRemove}
            aria-label={t("numbers.hours.removeRule", { n })}
          >
            <Trash2Icon aria-hidden />
          </Button>
        )}
      </div>
      <FormField
        control={form.control}
        name={`rules.${index}.days`}
        render={({ field, fieldState }) => (
          <FormItem>
            <FormLabel className="sr-only">{t("numbers.hours.days")}</FormLabel>
            <div
              role="group"
              aria-label={`${t("numbers.hours.days")} — ${t("numbers.hours.rule", { n })}`}
              className="flex flex-wrap gap-1"
            >
              {WEEKDAYS.map((day) => {
                const on = days.includes(day);
                return (
                  <button
                    key={day}
                    type="button"
                    aria-pressed={on}
                    title={t(`numbers.weekdays.${day}`)}
                    onClick={() =>
                      field.onChange(on ? days.filter((d) => d !== day) : WEEKDAYS.filter((d) => d === day || days.includes(d)))
                    }
                    className={cn(
                      "h-8 min-w-11 rounded-md border px-2 text-sm font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring",
                      on ? "border-primary bg-primary text-primary-foreground" : "bg-background text-muted-foreground hover:bg-accent",
                    )}
                  >
                    {t(`numbers.weekdaysShort.${day}`)}
                  </button>
                );
              })}
            </div>
            <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
          </FormItem>
        )}
      />
      <div className="grid grid-cols-2 items-start gap-3">
        {(["open", "close"] as const).map((edge) => (
          <FormField
            key={edge}
            control={form.control}
            name={`rules.${index}.${edge}`}
            render={({ field, fieldState }) => (
              <FormItem>
                <FormLabel>{t(`numbers.hours.${edge}`)}</FormLabel>
                <FormControl>
                  <Input type="time" step={60} {...field} />
                </FormControl>
                <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
              </FormItem>
            )}
          />
        ))}
      </div>
    </fieldset>
  );
}
