"use client";

import type { ComponentProps, ReactNode } from "react";
import type { Control, FieldValues, Path, UseFormReturn } from "react-hook-form";
import { toast } from "sonner";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useI18n } from "@/components/providers/i18n-provider";

const NONE = "__none";

// react-hook-form's context and transformed-values generics differ per form; these helpers use neither.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyControl<T extends FieldValues> = Control<T, any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyForm<T extends FieldValues> = UseFormReturn<T, any, any>;

export function TextField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  inputProps = {},
}: {
  control: AnyControl<T>;
  name: Path<T>;
  label: string;
  description?: ReactNode;
  inputProps?: ComponentProps<"input">;
}) {
  const { tm } = useI18n();
  return (
    <FormField
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormItem className="content-start">
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <Input {...inputProps} {...field} value={(field.value as string | null) ?? ""} />
          </FormControl>
          {description && <FormDescription>{description}</FormDescription>}
          <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
        </FormItem>
      )}
    />
  );
}

/** A select whose `noneLabel` option stands for null. */
export function ChoiceField<T extends FieldValues>({
  control,
  name,
  label,
  options,
  placeholder,
  noneLabel,
}: {
  control: AnyControl<T>;
  name: Path<T>;
  label: string;
  options: [string, string][];
  placeholder?: string;
  noneLabel?: string;
}) {
  const { tm } = useI18n();
  return (
    <FormField
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormItem className="content-start">
          <FormLabel>{label}</FormLabel>
          <Select
            value={(field.value as string | null) ?? (noneLabel ? NONE : "")}
            onValueChange={(v) => field.onChange(v === NONE ? null : v)}
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

/** Puts the server's field errors on their fields; anything else becomes a toast. */
export function showServerError<T extends FieldValues>(
  form: AnyForm<T>,
  fields: readonly string[],
  error: { message: string; data?: { fieldErrors?: Record<string, string[]> } | null },
) {
  const fieldErrors = Object.entries(error.data?.fieldErrors ?? {}).filter(([field]) => fields.includes(field));
  for (const [field, messages] of fieldErrors) form.setError(field as Path<T>, { message: messages[0] }, { shouldFocus: true });
  if (fieldErrors.length === 0) toast.error(error.message);
}

/** A slug suggestion from a company name: "Padaria São João Ltda" → "padaria-sao-joao-ltda". */
export function suggestSlug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 32)
    .replace(/-+$/, "");
}

/** The host a slug will live on, next to the console's own host (admin.<root> → <slug>.<root>). */
export function tenantHost(slug: string): string {
  const consoleHost = typeof window === "undefined" ? "" : window.location.host;
  return `${slug || "…"}.${consoleHost.replace(/^admin\./, "")}`;
}
