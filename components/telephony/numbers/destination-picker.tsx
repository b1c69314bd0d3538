"use client";

import type { Control, FieldPath, UseFormSetValue } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import { DESTINATION_TYPES, type DestinationOptions, type DidRouteInput } from "@/lib/schemas/numbers";

type Prefix = "destination" | "afterHours";

type Props = {
  control: Control<DidRouteInput>;
  setValue: UseFormSetValue<DidRouteInput>;
  prefix: Prefix;
  /** The current type, watched by the parent (it decides which picker shows). */
  type: (typeof DESTINATION_TYPES)[number];
  options: DestinationOptions;
  typeLabel: string;
  className?: string;
};

/** A destination as two fields: what kind (extension, ring group, trunk, unavailable), then which one. */
export function DestinationPicker({ control, setValue, prefix, type, options, typeLabel, className }: Props) {
  const { t, tm } = useI18n();
  const targets =
    type === "extension"
      ? options.extensions.map((e) => ({ id: e.id, label: `${e.number} · ${e.name}`, note: e.enabled ? null : t("numbers.dids.disabled") }))
      : type === "ring_group"
        ? options.ringGroups.map((g) => ({ id: g.id, label: g.name, note: null }))
        : type === "trunk"
          ? options.trunks.map((k) => ({
              id: k.id,
              label: k.name,
              note: [k.operatorManaged ? t("numbers.dids.operatorManaged") : null, k.enabled ? null : t("numbers.dids.disabled")]
                .filter(Boolean)
                .join(", "),
            }))
          : [];

  return (
    <div className={cn("grid items-start gap-4 sm:grid-cols-2", className)}>
      <FormField
        control={control}
        name={`${prefix}.type` as FieldPath<DidRouteInput>}
        render={({ field, fieldState }) => (
          <FormItem>
            <FormLabel>{typeLabel}</FormLabel>
            <Select
              value={String(field.value ?? "")}
              onValueChange={(value) => {
                field.onChange(value);
                setValue(`${prefix}.targetId` as FieldPath<DidRouteInput>, null as never, { shouldDirty: true });
              }}
            >
              <FormControl>
                <SelectTrigger className="w-full" data-testid={`${prefix}-type`}>
                  <SelectValue />
                </SelectTrigger>
              </FormControl>
              <SelectContent>
                {DESTINATION_TYPES.map((value) => (
                  <SelectItem key={value} value={value}>
                    {t(`numbers.destination.${value}`)}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
          </FormItem>
        )}
      />
      {type === "unavailable" ? (
        <p className="self-end pb-2 text-sm text-muted-foreground">{t("numbers.dids.unavailableHint")}</p>
      ) : (
        <FormField
          control={control}
          name={`${prefix}.targetId` as FieldPath<DidRouteInput>}
          render={({ field, fieldState }) => (
            <FormItem>
              <FormLabel>{t(`numbers.destination.${type}`)}</FormLabel>
              {targets.length === 0 ? (
                <p className="py-2 text-sm text-muted-foreground">{t(`numbers.dids.noOptions.${type}`)}</p>
              ) : (
                <Select value={String(field.value ?? "")} onValueChange={field.onChange}>
                  <FormControl>
                    <SelectTrigger className="w-full" data-testid={`${prefix}-target`}>
                      <SelectValue placeholder={t("numbers.dids.choose")} />
                    </SelectTrigger>
                  </FormControl>
                  <SelectContent>
                    {targets.map((target) => (
                      <SelectItem key={target.id} value={target.id}>
                        {target.label}
                        {target.note && (
                          <Badge variant="outline" className="ml-1">
                            {target.note}
                          </Badge>
                        )}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              )}
              <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
            </FormItem>
          )}
        />
      )}
    </div>
  );
}
