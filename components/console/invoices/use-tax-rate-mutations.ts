"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { TaxRateOutput } from "@/lib/schemas/billing-invoices";

/** 365 → "3.65": exact, from the integer (no floating point on the way). */
export function percentText(basisPoints: number): string {
  return `${Math.floor(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, "0")}`;
}

/** Toggling "active" and deleting show at once and roll back, with the server's reason, when refused. */
export function useTaxRateMutations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useI18n();
  const listKey = trpc.admin.invoices.taxes.list.queryKey();

  async function patch(change: (taxes: TaxRateOutput[]) => TaxRateOutput[]) {
    await queryClient.cancelQueries({ queryKey: listKey });
    const previous = queryClient.getQueryData<TaxRateOutput[]>(listKey);
    if (previous) queryClient.setQueryData(listKey, change(previous));
    return { previous };
  }
  const rollback = (context: { previous?: TaxRateOutput[] } | undefined, message: string) => {
    if (context?.previous) queryClient.setQueryData(listKey, context.previous);
    toast.error(message);
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: listKey });

  const setActive = useMutation(
    trpc.admin.invoices.taxes.update.mutationOptions({
      onMutate: ({ id, data }) =>
        patch((taxes) => taxes.map((tax) => (tax.id === id ? { ...tax, active: data.active ?? tax.active } : tax))),
      onError: (error, _vars, context) => rollback(context, error.message),
      onSuccess: (tax) => toast.success(t(tax.active ? "invoices.taxes.activated" : "invoices.taxes.deactivated", { name: tax.name })),
      onSettled: refresh,
    }),
  );

  const remove = useMutation(
    trpc.admin.invoices.taxes.delete.mutationOptions({
      onMutate: ({ id }) => patch((taxes) => taxes.filter((tax) => tax.id !== id)),
      onError: (error, _vars, context) => rollback(context, error.message),
      onSuccess: (_result, _vars, context) => {
        const name = context?.previous?.find((tax) => tax.id === _vars.id)?.name ?? "";
        toast.success(t("invoices.taxes.deleted", { name }));
      },
      onSettled: refresh,
    }),
  );

  /** Same fields as stored, with `active` flipped: the update procedure takes the whole form. */
  const toggle = (tax: TaxRateOutput, active: boolean) =>
    setActive.mutate({ id: tax.id, data: { name: tax.name, percent: percentText(tax.basisPoints), active, position: tax.position } });

  return { toggle, remove };
}
