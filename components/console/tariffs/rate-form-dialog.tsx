"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { useForm, type Path } from "react-hook-form";
import { toast } from "sonner";
import { applyServerErrors } from "@/components/console/inventory/apply-server-errors";
import { TextField } from "@/components/console/inventory/form-fields";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import {
  formatEffectiveText,
  formatIncrement,
  RATE_FIELD_NAMES,
  RATE_PRICE_EXAMPLE,
  RateFields,
  saoPauloParts,
  type RateFieldsInput,
  type RateFieldsOutput,
  type RateView,
} from "@/lib/schemas/billing-tariffs";
import { EffectiveField } from "./effective-field";
import { rateInputValue } from "./tariff-format";
import { useDeckRefresh } from "./use-deck-refresh";

function defaults(rate: RateView | null, locale: string): RateFieldsInput {
  if (!rate) {
    return {
      prefix: "",
      description: "",
      pricePerMinute: "",
      connectionFee: "",
      increment: "60/60",
      effectiveFrom: todayText(),
      effectiveTo: "",
    };
  }
  return {
    prefix: rate.prefix,
    description: rate.description,
    pricePerMinute: rateInputValue(rate.pricePerMinuteMicros, locale),
    connectionFee: rate.connectionFeeMicros === 0n ? "" : rateInputValue(rate.connectionFeeMicros, locale),
    increment: formatIncrement(rate),
    effectiveFrom: formatEffectiveText(rate.effectiveFrom),
    effectiveTo: rate.effectiveTo ? formatEffectiveText(rate.effectiveTo) : "",
  };
}

/** Today in São Paulo ("2026-11-21"): a new rate's default start, at that day's midnight. */
function todayText(): string {
  const { year, month, day } = saoPauloParts(new Date());
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

type Props = { deckId: string; rate: RateView | "new" | null; onClose: () => void };

/** Adds or edits one rate; saving makes a new version of the deck. */
export function RateFormDialog({ deckId, rate, onClose }: Props) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const refresh = useDeckRefresh();
  const noteId = useId();
  const [note, setNote] = useState("");
  const editing = rate !== "new" ? rate : null;
  const form = useForm<RateFieldsInput, unknown, RateFieldsOutput>({
    resolver: zodResolver(RateFields),
    defaultValues: defaults(null, locale),
  });

  useEffect(() => {
    if (rate !== null) {
      form.reset(defaults(editing, locale));
      setNote("");
    }
  }, [rate, editing, locale, form]);

  const onSaved = async ({ version }: { version: { number: number } }) => {
    toast.success(t("tariffs.rates.saved", { number: version.number }));
    await refresh();
    onClose();
  };
  const onError = (error: Parameters<typeof applyServerErrors>[1]) =>
    applyServerErrors((field, message) => form.setError(field as Path<RateFieldsInput>, { message }), error, RATE_FIELD_NAMES);
  const create = useMutation(trpc.admin.tariffs.rates.create.mutationOptions({ onSuccess: onSaved, onError }));
  const update = useMutation(trpc.admin.tariffs.rates.update.mutationOptions({ onSuccess: onSaved, onError }));
  const saving = create.isPending || update.isPending;

  // The procedure parses the text again: what is sent is what the operator typed.
  const submit = form.handleSubmit(() => {
    const input = { data: form.getValues(), note: note.trim() || null };
    if (editing) {
      if (!form.formState.isDirty && !note.trim()) return onClose();
      update.mutate({ id: editing.id, ...input });
    } else {
      create.mutate({ deckId, ...input });
    }
  });

  return (
    <Dialog open={rate !== null} onOpenChange={(open) => !open && !saving && onClose()}>
      <DialogContent className="max-h-[92svh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{editing ? t("tariffs.rates.editTitle", { prefix: editing.prefix }) : t("tariffs.rates.addTitle")}</DialogTitle>
          <DialogDescription>{t("tariffs.rates.formDescription")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2" data-testid="rate-form">
            <TextField
              control={form.control}
              name="prefix"
              label={t("tariffs.rates.prefix")}
              hint={t("tariffs.rates.prefixHint")}
              inputMode="numeric"
              inputClassName="font-mono"
              placeholder="5511"
              autoFocus
              maxLength={24}
            />
            <TextField
              control={form.control}
              name="description"
              label={t("tariffs.rates.description")}
              placeholder="Brasil Fixo SP"
              maxLength={120}
            />
            <TextField
              control={form.control}
              name="pricePerMinute"
              label={t("tariffs.rates.pricePerMinute")}
              hint={t("tariffs.rates.priceHint", { example: RATE_PRICE_EXAMPLE[locale] })}
              inputMode="decimal"
              placeholder={RATE_PRICE_EXAMPLE[locale]}
              maxLength={20}
            />
            <TextField
              control={form.control}
              name="connectionFee"
              label={t("tariffs.rates.connectionFee")}
              hint={t("tariffs.rates.feeHint")}
              inputMode="decimal"
              placeholder="0"
              maxLength={20}
            />
            <TextField
              control={form.control}
              name="increment"
              label={t("tariffs.rates.billing")}
              hint={t("tariffs.rates.billingHint")}
              inputClassName="font-mono"
              placeholder="30/6"
              maxLength={12}
            />
            <div aria-hidden className="hidden sm:block" />
            <EffectiveField
              control={form.control}
              name="effectiveFrom"
              label={t("tariffs.rates.effectiveFrom")}
              hint={t("tariffs.rates.fromHint")}
            />
            <EffectiveField
              control={form.control}
              name="effectiveTo"
              label={t("tariffs.rates.effectiveTo")}
              hint={t("tariffs.rates.toHint")}
            />
            <div className="grid gap-2 sm:col-span-2">
              <Label htmlFor={noteId}>
                {t("tariffs.rates.note")} <span className="font-normal text-muted-foreground">({t("common.optional")})</span>
              </Label>
              <Input
                id={noteId}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                placeholder={t("tariffs.rates.notePlaceholder")}
                maxLength={200}
              />
            </div>
            <FormDialogFooter saving={saving} onCancel={onClose} />
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
