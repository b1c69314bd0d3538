"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useForm, type Path } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatPhone } from "@/lib/phone";
import { DidUpdateFields, type DidOutput } from "@/lib/schemas/inventory";
import { applyServerErrors } from "./apply-server-errors";
import { ChoiceField, TextField } from "./form-fields";
import { moneyInputValue, perMinuteInputValue } from "./format-money";

type FormInput = z.input<typeof DidUpdateFields>;
type FormOutput = z.output<typeof DidUpdateFields>;

type Props = { did: DidOutput | null; onClose: () => void; onSaved: (did: DidOutput) => void };

/** Monthly cost and price, per-minute rates of received calls, and gateway (one of the number's provider); the rest is fixed. */
export function DidEditDialog({ did, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const gateways = useQuery({
    ...trpc.admin.inventory.gateways.list.queryOptions({ providerId: did?.provider.id }),
    enabled: did !== null,
  }).data;
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(DidUpdateFields),
    defaultValues: { monthlyCost: "", gatewayId: null, monthlyPrice: "", inboundCostPerMinute: "", inboundPricePerMinute: "" },
  });

  useEffect(() => {
    if (did)
      form.reset({
        monthlyCost: moneyInputValue(did.monthlyCost, locale),
        gatewayId: did.gateway?.id ?? null,
        monthlyPrice: moneyInputValue(did.monthlyPrice, locale),
        inboundCostPerMinute: perMinuteInputValue(did.inboundCostPerMinute, locale),
        inboundPricePerMinute: perMinuteInputValue(did.inboundPricePerMinute, locale),
      });
  }, [did, locale, form]);

  const update = useMutation(
    trpc.admin.inventory.dids.update.mutationOptions({
      onSuccess: (saved) => {
        toast.success(t("inventory.dids.updated"));
        onSaved(saved);
        onClose();
      },
      onError: (error) =>
        applyServerErrors((field, message) => form.setError(field as Path<FormInput>, { message }), error, [
          "monthlyCost",
          "gatewayId",
          "monthlyPrice",
          "inboundCostPerMinute",
          "inboundPricePerMinute",
        ]),
    }),
  );

  return (
    <Dialog open={did !== null} onOpenChange={(open) => !open && !update.isPending && onClose()}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t("inventory.dids.editTitle", { number: did ? formatPhone(did.number) : "" })}</DialogTitle>
          <DialogDescription>{did?.provider.name}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form
            // The typed text goes to the server, which parses it again (the per-minute amounts become bigint).
            onSubmit={form.handleSubmit(() => did && update.mutate({ id: did.id, data: form.getValues() }))}
            noValidate
            className="grid gap-4"
            data-testid="did-form"
          >
            <TextField
              control={form.control}
              name="monthlyCost"
              label={t("inventory.dids.field.monthlyCost")}
              inputMode="decimal"
              autoFocus
            />
            <TextField control={form.control} name="monthlyPrice" label={t("inventory.dids.field.monthlyPrice")} inputMode="decimal" />
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                control={form.control}
                name="inboundCostPerMinute"
                label={t("inventory.dids.field.inboundCostPerMinute")}
                inputMode="decimal"
              />
              <TextField
                control={form.control}
                name="inboundPricePerMinute"
                label={t("inventory.dids.field.inboundPricePerMinute")}
                inputMode="decimal"
              />
            </div>
            <p className="-mt-2 text-xs text-muted-foreground">{t("inventory.dids.inboundHint")}</p>
            <ChoiceField
              control={form.control}
              name="gatewayId"
              label={t("inventory.dids.field.gateway")}
              noneLabel={t("inventory.dids.noGateway")}
              options={(gateways ?? []).map((g) => [g.id, g.name])}
            />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={onClose} disabled={update.isPending}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" disabled={update.isPending}>
                {update.isPending ? t("common.loading") : t("common.save")}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
