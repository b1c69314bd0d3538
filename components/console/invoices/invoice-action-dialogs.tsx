"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
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
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatCents } from "@/lib/billing/micros";
import type { InvoiceView } from "@/lib/schemas/billing";
import { InvoiceVoidInput } from "@/lib/schemas/billing-invoices";

export type InvoiceAsk = "issue" | "pay" | "void" | null;

/** Days from issue to due date, as the server sets them (server/services/billing/invoices/invoice-state.ts). */
const DUE_DAYS = 10;

type Props = {
  invoice: InvoiceView;
  ask: InvoiceAsk;
  onClose: () => void;
  busy: boolean;
  onIssue: () => void;
  onPay: () => void;
  onVoid: (reason: string) => void;
};

/** The confirmations of the invoice's state changes; voiding asks for the reason. */
export function InvoiceActionDialogs({ invoice, ask, onClose, busy, onIssue, onPay, onVoid }: Props) {
  const { t, locale } = useI18n();
  const confirm = (title: string, body: string, label: string, onConfirm: () => void) => (
    <AlertDialog open onOpenChange={(open) => !open && !busy && onClose()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{body}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={busy}>{t("invoices.actions.keep")}</AlertDialogCancel>
          <AlertDialogAction
            disabled={busy}
            onClick={(event) => {
              event.preventDefault();
              onConfirm();
            }}
          >
            {busy && <Spinner aria-label={t("common.loading")} />}
            {label}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
  if (ask === "issue")
    return confirm(
      t("invoices.actions.issueTitle", { tenant: invoice.tenant.name }),
      t("invoices.actions.issueBody", { days: DUE_DAYS }),
      t("invoices.actions.issue"),
      onIssue,
    );
  if (ask === "pay")
    return confirm(
      t("invoices.actions.paidTitle", { number: invoice.number ?? "" }),
      t("invoices.actions.paidBody", { total: formatCents(invoice.totalCents, locale) }),
      t("invoices.actions.markPaid"),
      onPay,
    );
  return <VoidInvoiceDialog invoice={invoice} open={ask === "void"} onClose={onClose} busy={busy} onVoid={onVoid} />;
}

type VoidForm = z.input<typeof InvoiceVoidInput>;

function VoidInvoiceDialog({
  invoice,
  open,
  onClose,
  busy,
  onVoid,
}: {
  invoice: InvoiceView;
  open: boolean;
  onClose: () => void;
  busy: boolean;
  onVoid: (reason: string) => void;
}) {
  const { t, tm } = useI18n();
  const form = useForm<VoidForm, unknown, z.output<typeof InvoiceVoidInput>>({
    resolver: zodResolver(InvoiceVoidInput),
    mode: "onTouched",
    defaultValues: { id: invoice.id, reason: "" },
  });
  useEffect(() => {
    if (open) form.reset({ id: invoice.id, reason: "" });
  }, [open, invoice.id, form]);

  return (
    <Dialog open={open} onOpenChange={(next) => !next && !busy && onClose()}>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{t("invoices.actions.voidTitle", { tenant: invoice.tenant.name })}</DialogTitle>
          <DialogDescription>{t("invoices.actions.voidBody")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form
            onSubmit={form.handleSubmit((values) => onVoid(values.reason))}
            noValidate
            className="flex flex-col gap-4"
            data-testid="invoice-void-form"
          >
            <FormField
              control={form.control}
              name="reason"
              render={({ field, fieldState }) => (
                <FormItem>
                  <FormLabel>{t("invoices.actions.voidReason")}</FormLabel>
                  <FormControl>
                    <Textarea autoFocus rows={3} maxLength={200} placeholder={t("invoices.actions.voidReasonPlaceholder")} {...field} />
                  </FormControl>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={onClose} disabled={busy}>
                {t("invoices.actions.keep")}
              </Button>
              <Button type="submit" variant="destructive" disabled={busy}>
                {busy && <Spinner aria-label={t("common.loading")} />}
                {t("invoices.actions.void")}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
