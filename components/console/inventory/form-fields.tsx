"use client";

import type { ComponentProps } from "react";
import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";

// Forms transform their values through zod, so each one's output type differs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyControl<T extends FieldValues> = Control<T, any, any>;

type TextFieldProps<T extends FieldValues> = {
  control: AnyControl<T>;
  name: FieldPath<T>;
  label: string;
  hint?: string;
  className?: string;
  inputClassName?: string;
} & Omit<ComponentProps<"input">, "name" | "className">;

/** A labelled input with its hint and its (translated) error. */
export function TextField<T extends FieldValues>({ control, name, label, hint, className, inputClassName, ...props }: TextFieldProps<T>) {
  const { tm } = useI18n();
  return (
    <FormField
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormItem className={cn("content-start", className)}>
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <Input {...props} {...field} className={inputClassName} value={(field.value as string | number | null | undefined) ?? ""} />
          </FormControl>
          {hint && !fieldState.error && <FormDescription>{hint}</FormDescription>}
          <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
        </FormItem>
      )}
    />
  );
}

const NONE = "__none";

type ChoiceFieldProps<T extends FieldValues> = {
  control: AnyControl<T>;
  name: FieldPath<T>;
  label: string;
  options: [string, string][];
  /** Label of a "none" option that stands for null. */
  noneLabel?: string;
  placeholder?: string;
  className?: string;
  disabled?: boolean;
};

export function ChoiceField<T extends FieldValues>({
  control,
  name,
  label,
  options,
  noneLabel,
  placeholder,
  className,
  disabled,
}: ChoiceFieldProps<T>) {
  const { tm } = useI18n();
  return (
    <FormField
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormItem className={cn("content-start", className)}>
          <FormLabel>{label}</FormLabel>
          <Select
            value={(field.value as string | null | undefined) ?? (noneLabel ? NONE : "")}
            onValueChange={(v) => field.onChange(v === NONE ? null : v)}
            disabled={disabled}
          >
            <FormControl>
              <SelectTrigger className="w-full" onBlur={field.onBlur}>
                <SelectValue placeholder={placeholder} />
              </SelectTrigger>
            </FormControl>
            <SelectContent>
              {noneLabel && <SelectItem value={NONE}>{noneLabel}</SelectItem>}
              {options.map(([value, text]) => (
                <SelectItem key={value} value={value}>
                  {text}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
        </FormItem>
      )}
    />
  );
}
