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
import { moneyInputValue } from "./format-money";

type FormInput = z.input<typeof DidUpdateFields>;
type FormOutput = z.output<typeof DidUpdateFields>;

type Props = { did: DidOutput | null; onClose: () => void; onSaved: (did: DidOutput) => void };

/** Monthly cost and gateway (one of the number's provider); the rest of a number is fixed. */
export function DidEditDialog({ did, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const gateways = useQuery({
    ...trpc.admin.inventory.gateways.list.queryOptions({ providerId: did?.provider.id }),
    enabled: did !== null,
  }).data;
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(DidUpdateFields),
    defaultValues: { monthlyCost: "", gatewayId: null },
  });

  useEffect(() => {
    if (did) form.reset({ monthlyCost: moneyInputValue(did.monthlyCost, locale), gatewayId: did.gateway?.id ?? null });
  }, [did, locale, form]);

  const update = useMutation(
    trpc.admin.inventory.dids.update.mutationOptions({
      onSuccess: (saved) => {
        toast.success(t("inventory.dids.updated"));
        onSaved(saved);
        onClose();
      },
      onError: (error) =>
        applyServerErrors((field, message) => form.setError(field as Path<FormInput>, { message }), error, ["monthlyCost", "gatewayId"]),
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
            onSubmit={form.handleSubmit((values) => did && update.mutate({ id: did.id, data: values }))}
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
