"use client";

import { PlusIcon, Trash2Icon } from "lucide-react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatBrl, parseBrl } from "@/lib/money";
import { lineAmount, sumAmounts } from "@/lib/schemas/opportunity";
import type { OpportunityFormValues } from "./opportunity-form-values";

/** The sum the server will compute from what is typed, or null while some line is not a valid amount. */
export function linesTotal(lines: OpportunityFormValues["lines"]): string | null {
  const amounts: string[] = [];
  for (const line of lines ?? []) {
    const price = parseBrl(String(line.unitPrice ?? ""));
    const quantity = Number(line.quantity);
    if (price === null || !Number.isInteger(quantity) || quantity < 1) return null;
    amounts.push(lineAmount(quantity, price));
  }
  return sumAmounts(amounts);
}

/** Optional product lines (description, quantity, unit price); with any line, the value is their sum. */
export function OpportunityLinesField() {
  const { t, tm, locale } = useI18n();
  const form = useFormContext<OpportunityFormValues>();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "lines" });
  const lines = useWatch({ control: form.control, name: "lines" });

  return (
    <fieldset className="grid gap-2 sm:col-span-2" data-testid="opportunity-lines">
      <legend className="mb-1 text-sm font-medium">{t("pipelines.field.lines")}</legend>
      {fields.map((field, index) => {
        const line = lines?.[index];
        const price = parseBrl(String(line?.unitPrice ?? ""));
        const quantity = Number(line?.quantity);
        const amount = price !== null && Number.isInteger(quantity) && quantity >= 1 ? formatBrl(lineAmount(quantity, price), locale) : "—";
        return (
          <div
            key={field.id}
            role="group"
            aria-label={t("pipelines.form.lineN", { n: index + 1 })}
            className="grid grid-cols-12 items-start gap-2"
          >
            <FormField
              control={form.control}
              name={`lines.${index}.description`}
              render={({ field: input, fieldState }) => (
                <FormItem className="col-span-12 sm:col-span-4">
                  <FormLabel className="sr-only">{t("pipelines.field.description")}</FormLabel>
                  <FormControl>
                    <Input placeholder={t("pipelines.field.description")} maxLength={120} {...input} />
                  </FormControl>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name={`lines.${index}.quantity`}
              render={({ field: input, fieldState }) => (
                <FormItem className="col-span-3 sm:col-span-2">
                  <FormLabel className="sr-only">{t("pipelines.field.quantity")}</FormLabel>
                  <FormControl>
                    <Input
                      type="number"
                      min={1}
                      step={1}
                      inputMode="numeric"
                      placeholder={t("pipelines.field.quantity")}
                      {...input}
                      value={String(input.value ?? "")}
                    />
                  </FormControl>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name={`lines.${index}.unitPrice`}
              render={({ field: input, fieldState }) => (
                <FormItem className="col-span-5 sm:col-span-3">
                  <FormLabel className="sr-only">{t("pipelines.field.unitPrice")}</FormLabel>
                  <FormControl>
                    <Input inputMode="decimal" placeholder={t("pipelines.field.unitPrice")} {...input} />
                  </FormControl>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <div className="col-span-4 flex h-9 items-center justify-end gap-1 sm:col-span-3">
              <span className="truncate text-sm tabular-nums" aria-label={t("pipelines.field.amount")}>
                {amount}
              </span>
              <Button
                type="button"
                variant="ghost"
                size="icon"
                className="size-8 shrink-0"
                aria-label={t("pipelines.form.removeLine", { n: index + 1 })}
                onClick={() => remove(index)}
              >
                <Trash2Icon aria-hidden />
              </Button>
            </div>
          </div>
        );
      })}
      <div>
        <Button
          type="button"
          variant="outline"
          size="sm"
          disabled={fields.length >= 50}
          onClick={() => append({ description: "", quantity: "1", unitPrice: "" })}
        >
          <PlusIcon aria-hidden /> {t("pipelines.form.addLine")}
        </Button>
      </div>
    </fieldset>
  );
}
