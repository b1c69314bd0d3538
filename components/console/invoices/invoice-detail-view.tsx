"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertTriangleIcon, ArrowLeftIcon, BanIcon, CheckIcon, DownloadIcon, RefreshCwIcon, SendIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatCnpj } from "@/lib/cnpj";
import type { InvoiceView } from "@/lib/schemas/billing";
import { formatBillingMonth } from "@/lib/schemas/billing-invoices";
import { currentMonth } from "./billing-months";
import { InvoiceActionDialogs, type InvoiceAsk } from "./invoice-action-dialogs";
import { InvoiceActionsBar } from "./invoice-actions-bar";
import { InvoiceFacts } from "./invoice-facts";
import { InvoiceLines } from "./invoice-lines";
import { InvoiceStatusBadge } from "./invoice-status-badge";
import { useInvoiceActions } from "./use-invoice-actions";

/** One invoice in the console: its status and dates, lines and totals, the next steps and the downloads. */
export function InvoiceDetailView({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const invoice = useQuery(trpc.admin.invoices.get.queryOptions({ id }));
  const actions = useInvoiceActions(invoice.data);
  const [ask, setAsk] = useState<InvoiceAsk>(null);
  const data = invoice.data;

  const back = (
    <Button asChild variant="ghost" size="sm" className="w-fit">
      <Link href={data ? `/invoices?month=${data.month}` : "/invoices"}>
        <ArrowLeftIcon aria-hidden /> {t("invoices.detail.back")}
      </Link>
    </Button>
  );
  if (invoice.isError) {
    const missing = invoice.error.data?.code === "NOT_FOUND";
    return (
      <div className="mx-auto flex max-w-6xl flex-col gap-4">
        {back}
        <div role="alert" className="flex flex-col items-center gap-3 rounded-xl border p-10 text-center">
          <p>{missing ? t("invoices.detail.notFound") : t("invoices.detail.loadError")}</p>
          {!missing && (
            <Button variant="outline" onClick={() => void invoice.refetch()}>
              {t("common.retry")}
            </Button>
          )}
        </div>
      </div>
    );
  }
  if (!data) {
    return (
      <div className="mx-auto flex max-w-6xl flex-col gap-4" aria-busy>
        {back}
        <Skeleton className="h-9 w-96" />
        <Skeleton className="h-24" />
        <Skeleton className="h-72" />
      </div>
    );
  }

  const monthLabel = formatBillingMonth(data.month, locale);
  const close = () => setAsk(null);
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      {back}
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight" data-testid="invoice-title">
              {data.number
                ? t("invoices.detail.title", { number: data.number })
                : data.status === "draft"
                  ? t("invoices.detail.draftTitle", { month: monthLabel })
                  : t("invoices.detail.monthTitle", { month: monthLabel })}
            </h1>
            <InvoiceStatusBadge status={data.status} />
          </div>
          <p className="text-sm text-muted-foreground">
            <Link href={`/tenants/${data.tenant.id}`} className="font-medium text-foreground underline-offset-4 hover:underline">
              {data.tenant.name}
            </Link>
            {data.tenant.cnpj && ` · ${t("invoices.detail.cnpj")} ${formatCnpj(data.tenant.cnpj)}`}
          </p>
        </div>
        <InvoiceActionsBar invoice={data} onAsk={setAsk} rerun={actions.rerun} rerunning={actions.rerunning} />
      </div>

      {data.status === "draft" && data.unratableCalls > 0 && (
        <div
          role="alert"
          className="flex items-start gap-3 rounded-xl border border-warning/40 bg-warning/10 p-4 text-sm"
          data-testid="invoice-unratable-alert"
        >
          <AlertTriangleIcon className="mt-0.5 size-5 shrink-0 text-warning" aria-hidden />
          <div className="space-y-1">
            <p className="font-medium">{t("invoices.detail.unratableTitle")}</p>
            <p>{t("invoices.detail.unratableBody", { count: data.unratableCalls })}</p>
            <Link href="/rating" className="font-medium underline underline-offset-4">
              {t("invoices.detail.unratableLink")}
            </Link>
          </div>
        </div>
      )}
      {data.status === "void" && (
        <div role="note" className="rounded-xl border border-destructive/30 bg-destructive/5 p-4 text-sm">
          <p className="font-medium">{t("invoices.detail.voidNote")}</p>
          {data.voidReason && (
            <p className="text-muted-foreground">
              {t("invoices.detail.voidReason")}: {data.voidReason}
            </p>
          )}
        </div>
      )}

      <InvoiceFacts invoice={data} />
      <Card className="gap-0 py-0">
        <InvoiceLines invoice={data} />
      </Card>

      {ask && (
        <InvoiceActionDialogs
          invoice={data}
          ask={ask}
          onClose={close}
          busy={actions.busy}
          onIssue={() => actions.issue.mutate({ id: data.id }, { onSettled: close })}
          onPay={() => actions.markPaid.mutate({ id: data.id }, { onSettled: close })}
          onVoid={(reason) => actions.voidInvoice.mutate({ id: data.id, reason }, { onSettled: close })}
        />
      )}
    </div>
  );
}
