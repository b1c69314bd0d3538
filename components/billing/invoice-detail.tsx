"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeftIcon, DownloadIcon, FileQuestionIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { LoadError } from "@/components/settings/load-error";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatCents } from "@/lib/billing/micros";
import { formatCnpj } from "@/lib/cnpj";
import { formatBillingMonth, formatDateOnly, invoiceDownloadHref } from "./billing-format";
import { InvoiceLinesTable } from "./invoice-lines-table";
import { InvoiceStatusBadge } from "./invoice-status-badge";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="font-medium tabular-nums">{children}</dd>
    </div>
  );
}

/** /billing/invoices/<id>: one of the tenant's invoices with its lines and downloads. */
export function InvoiceDetail({ invoiceId }: { invoiceId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.billing.invoice.queryOptions({ id: invoiceId }),
    retry: (count, error) => error.data?.code !== "NOT_FOUND" && count < 2,
  });
  const invoice = query.data;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeZone: "America/Sao_Paulo" });
  const back = (
    <Button asChild variant="ghost" size="sm" className="self-start">
      <Link href="/billing">
        <ArrowLeftIcon aria-hidden /> {t("billing.invoice.back")}
      </Link>
    </Button>
  );

  if (query.isError) {
    const missing = query.error.data?.code === "NOT_FOUND";
    return (
      <div className="flex flex-col gap-4">
        {back}
        <Card>
          {missing ? (
            <div className="flex flex-col items-center gap-2 px-6 py-14 text-center" data-testid="invoice-not-found">
              <FileQuestionIcon aria-hidden className="size-8 text-muted-foreground" />
              <p className="font-medium">{t("billing.errors.invoice_not_found")}</p>
              <p className="text-sm text-muted-foreground">{t("billing.invoice.notFound")}</p>
            </div>
          ) : (
            <LoadError onRetry={() => void query.refetch()} />
          )}
        </Card>
      </div>
    );
  }
  if (!invoice) {
    return (
      <div className="flex flex-col gap-4" aria-busy>
        {back}
        <Skeleton className="h-10 w-72" />
        <Skeleton className="h-24 w-full rounded-xl" />
        <Skeleton className="h-64 w-full rounded-xl" />
      </div>
    );
  }

  const number = invoice.number ?? "—";
  return (
    <div className="flex flex-col gap-4" data-testid="invoice-detail">
      {back}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-col gap-1">
          <div className="flex items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight tabular-nums">
              {invoice.number ? t("billing.invoice.title", { number: invoice.number }) : t("billing.invoice.untitled")}
            </h1>
            <InvoiceStatusBadge status={invoice.status} />
          </div>
          <p className="text-sm text-muted-foreground">
            {invoice.tenant.name}
            {invoice.tenant.cnpj && <> · {t("billing.invoice.cnpj", { cnpj: formatCnpj(invoice.tenant.cnpj) })}</>}
          </p>
        </div>
        <div className="flex gap-2">
          <Button asChild variant="outline">
            <a href={invoiceDownloadHref(invoice.id, "pdf")} download aria-label={t("billing.invoices.downloadPdf", { number })}>
              <DownloadIcon aria-hidden /> {t("billing.invoices.pdf")}
            </a>
          </Button>
          <Button asChild variant="outline">
            <a href={invoiceDownloadHref(invoice.id, "csv")} download aria-label={t("billing.invoices.downloadCsv", { number })}>
              <DownloadIcon aria-hidden /> {t("billing.invoices.csv")}
            </a>
          </Button>
        </div>
      </div>

      {invoice.status === "void" && (
        <div
          role="status"
          className="rounded-lg border border-destructive/30 bg-destructive/10 px-4 py-3 text-sm"
          data-testid="invoice-void"
        >
          <p className="font-medium">{t("billing.invoice.voided")}</p>
          {invoice.voidReason && <p className="text-muted-foreground">{t("billing.invoice.voidReason", { reason: invoice.voidReason })}</p>}
        </div>
      )}

      <Card className="py-4">
        <CardContent>
          <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
            <Fact label={t("billing.invoice.period")}>{formatBillingMonth(invoice.month, locale)}</Fact>
            <Fact label={t("billing.invoice.issuedAt")}>{invoice.issuedAt ? when.format(invoice.issuedAt) : "—"}</Fact>
            <Fact label={t("billing.invoice.dueAt")}>{invoice.dueAt ? formatDateOnly(invoice.dueAt, locale) : "—"}</Fact>
            {invoice.paidAt && <Fact label={t("billing.invoice.paidAt")}>{when.format(invoice.paidAt)}</Fact>}
            {invoice.voidedAt && <Fact label={t("billing.invoice.voidedAt")}>{when.format(invoice.voidedAt)}</Fact>}
            <Fact label={t("billing.invoice.total")}>{formatCents(invoice.totalCents, locale)}</Fact>
          </dl>
        </CardContent>
      </Card>

      <Card className="gap-3 pb-0">
        <CardHeader>
          <CardTitle className="text-base">{t("billing.invoice.lines")}</CardTitle>
        </CardHeader>
        <CardContent className="px-0">
          <InvoiceLinesTable invoice={invoice} />
        </CardContent>
      </Card>
    </div>
  );
}
