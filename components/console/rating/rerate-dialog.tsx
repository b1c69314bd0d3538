"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { InfoIcon } from "lucide-react";
import { useEffect } from "react";
import { useForm, type Path } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { RerateInput } from "@/lib/schemas/billing-rating";
import { currentBillingDay, currentBillingMonth } from "./format-rating";
import { TenantPicker } from "./tenant-picker";

type Mode = "month" | "range";
type Values = { mode: Mode; month?: string; from?: string; to?: string; tenantId?: string };

const FIELDS = ["month", "from", "to", "tenantId"] as const;

/** What the procedure takes: only the chosen form of the period. */
function toInput(values: Values): RerateInput {
  const tenant = values.tenantId ? { tenantId: values.tenantId } : {};
  return values.mode === "month" ? { month: values.month, ...tenant } : { from: values.from, to: values.to, ...tenant };
}

// The period's two forms validated exactly as the server will (RerateInput), on the chosen form
// only; what the form submits is the resolver's output, the procedure's input itself.
const resolver = zodResolver(RerateInput);
async function formResolver(values: Values, context: unknown, options: Parameters<typeof resolver>[2]) {
  const result = await resolver(toInput(values) as never, context, options as never);
  // A period that has not started is refused by the server too; saying so here saves the round trip.
  const future =
    values.mode === "month"
      ? values.month && values.month > currentBillingMonth() && ("month" as const)
      : values.from && values.from > currentBillingDay() && ("from" as const);
  if (Object.keys(result.errors).length > 0 || !future) return result;
  return { values: {}, errors: { [future]: { type: "future", message: "rating.errors.future_period" } } };
}

type Props = { open: boolean; onOpenChange: (open: boolean) => void; onQueued: (runId: string) => void };

/**
 * Re-rating a month or a range of days, for every company or one. The dialog is the confirmation:
 * it says that the period's ratings are replaced at once, that re-running changes nothing, and
 * that invoiced months are kept.
 */
export function RerateDialog({ open, onOpenChange, onQueued }: Props) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const form = useForm<Values, unknown, RerateInput>({
    resolver: formResolver as never,
    mode: "onTouched",
    defaultValues: { mode: "month", month: currentBillingMonth() },
  });
  useEffect(() => {
    if (open) form.reset({ mode: "month", month: currentBillingMonth(), from: "", to: "", tenantId: undefined });
  }, [open, form]);

  const rerate = useMutation(
    trpc.admin.rating.rerate.mutationOptions({
      onSuccess: ({ runId }) => {
        toast.success(t("rating.toast.rerateQueued"));
        onQueued(runId);
        onOpenChange(false);
      },
      onError: (error) => {
        const fieldErrors = Object.entries(error.data?.fieldErrors ?? {}).filter(([field]) =>
          (FIELDS as readonly string[]).includes(field),
        );
        for (const [field, messages] of fieldErrors) form.setError(field as Path<Values>, { message: messages[0] }, { shouldFocus: true });
        if (fieldErrors.length === 0) toast.error(error.message);
      },
    }),
  );
  const mode = form.watch("mode");
  const tenantError = tm(form.formState.errors.tenantId?.message);

  return (
    <Dialog open={open} onOpenChange={(next) => !rerate.isPending && onOpenChange(next)}>
      <DialogContent className="max-h-[calc(100svh-2rem)] overflow-y-auto sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{t("rating.dialog.title")}</DialogTitle>
          <DialogDescription>{t("rating.dialog.description")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form
            onSubmit={form.handleSubmit((input) => rerate.mutate(input))}
            noValidate
            className="flex flex-col gap-4"
            data-testid="rerate-form"
          >
            <Tabs
              value={mode}
              onValueChange={(value) => {
                form.setValue("mode", value as Mode);
                form.clearErrors();
              }}
            >
              <TabsList aria-label={t("rating.dialog.periodKind")}>
                <TabsTrigger value="month">{t("rating.dialog.byMonth")}</TabsTrigger>
                <TabsTrigger value="range">{t("rating.dialog.byRange")}</TabsTrigger>
              </TabsList>
            </Tabs>
            {mode === "month" ? (
              <FormField
                control={form.control}
                name="month"
                render={({ field, fieldState }) => (
                  <FormItem>
                    <FormLabel>{t("rating.dialog.month")}</FormLabel>
                    <FormControl>
                      <Input type="month" max={currentBillingMonth()} {...field} value={field.value ?? ""} className="w-48" />
                    </FormControl>
                    <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                  </FormItem>
                )}
              />
            ) : (
              <div className="grid items-start gap-4 sm:grid-cols-2">
                {(["from", "to"] as const).map((name) => (
                  <FormField
                    key={name}
                    control={form.control}
                    name={name}
                    render={({ field, fieldState }) => (
                      <FormItem>
                        <FormLabel>{t(`rating.dialog.${name}`)}</FormLabel>
                        <FormControl>
                          <Input type="date" max={currentBillingDay()} {...field} value={field.value ?? ""} />
                        </FormControl>
                        <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                      </FormItem>
                    )}
                  />
                ))}
              </div>
            )}
            <div className="flex flex-col gap-2">
              <span className="text-sm font-medium" id="rerate-tenant-label">
                {t("rating.dialog.tenant")}
              </span>
              <TenantPicker
                value={form.watch("tenantId")}
                onChange={(tenantId) => form.setValue("tenantId", tenantId, { shouldDirty: true })}
                invalid={Boolean(tenantError)}
                describedBy={tenantError ? "rerate-tenant-error" : undefined}
              />
              {tenantError && (
                <p id="rerate-tenant-error" role="alert" className="text-sm text-destructive">
                  {tenantError}
                </p>
              )}
            </div>
            <div className="flex gap-2 rounded-md border bg-muted/40 p-3 text-sm" data-testid="rerate-explain">
              <InfoIcon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
              <div className="flex flex-col gap-1.5">
                <p>{t("rating.dialog.idempotent")}</p>
                <p>{t("rating.dialog.keepsIssued")}</p>
                <p className="text-muted-foreground">{t("rating.dialog.drafts")}</p>
              </div>
            </div>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={rerate.isPending}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" disabled={rerate.isPending}>
                {rerate.isPending && <Spinner aria-label={t("common.loading")} />}
                {rerate.isPending ? t("rating.dialog.submitting") : t("rating.dialog.confirm")}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
