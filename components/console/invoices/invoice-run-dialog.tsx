"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatBillingMonth } from "@/lib/schemas/billing-invoices";
import { currentMonth } from "./billing-months";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  month: string;
  /** The company the list is filtered on: offered as the run's only company. */
  tenant: { id: string; name: string } | null;
  onStarted: (runId: string) => void;
};

/** Confirms the month's run (every company, or the filtered one) and starts it. */
export function InvoiceRunDialog({ open, onOpenChange, month, tenant, onStarted }: Props) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onlyId = useId();
  const [onlyTenant, setOnlyTenant] = useState(true);
  const monthLabel = formatBillingMonth(month, locale);
  useEffect(() => {
    if (open) setOnlyTenant(true);
  }, [open]);

  const run = useMutation(
    trpc.admin.invoices.run.mutationOptions({
      onSuccess: (started) => {
        onStarted(started.runId);
        toast.success(
          started.created ? t("invoices.run.started", { month: monthLabel }) : t("invoices.run.alreadyRunning", { month: monthLabel }),
        );
        void queryClient.invalidateQueries({ queryKey: trpc.admin.invoices.latestRun.queryKey({ month }) });
        onOpenChange(false);
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  return (
    <AlertDialog open={open} onOpenChange={(next) => !run.isPending && onOpenChange(next)}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{t("invoices.run.confirmTitle", { month: monthLabel })}</AlertDialogTitle>
          <AlertDialogDescription>{t("invoices.run.confirmBody")}</AlertDialogDescription>
        </AlertDialogHeader>
        {month >= currentMonth() && (
          <p className="rounded-md border border-warning/40 bg-warning/10 p-3 text-sm" role="note">
            {t("invoices.run.currentMonthNote", { month: monthLabel.charAt(0).toLocaleUpperCase(locale) + monthLabel.slice(1) })}
          </p>
        )}
        {tenant && (
          <div className="flex items-center gap-2">
            <Checkbox id={onlyId} checked={onlyTenant} onCheckedChange={(checked) => setOnlyTenant(checked === true)} />
            <Label htmlFor={onlyId} className="font-normal">
              {t("invoices.run.confirmTenant", { tenant: tenant.name })}
            </Label>
          </div>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={run.isPending}>{t("common.cancel")}</AlertDialogCancel>
          <AlertDialogAction
            disabled={run.isPending}
            onClick={(event) => {
              // Stay open until the server answers: the dialog closes on success.
              event.preventDefault();
              run.mutate({ month, tenantId: tenant && onlyTenant ? tenant.id : undefined });
            }}
          >
            {run.isPending ? t("common.loading") : t("invoices.run.start")}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
