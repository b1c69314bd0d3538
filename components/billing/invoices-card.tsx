"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { DownloadIcon, ReceiptTextIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { PagerButtons } from "@/components/pagination/pager-buttons";
import { LoadError } from "@/components/settings/load-error";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatCents } from "@/lib/billing/micros";
import { formatBillingMonth, formatDateOnly, invoiceDownloadHref } from "./billing-format";
import { InvoiceStatusBadge } from "./invoice-status-badge";

const PAGE_SIZE = 12;

/** The tenant's issued, paid and void invoices, newest month first, a year per page, with their downloads. */
export function InvoicesCard() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  // Keyset pagination: the cursor of every page visited, so "previous" goes back exactly.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const page = cursors.length - 1;
  const list = useQuery(
    trpc.billing.invoices.queryOptions({ cursor: cursors[page], limit: PAGE_SIZE }, { placeholderData: keepPreviousData }),
  );
  const items = list.data?.items;

  return (
    <Card className="min-w-0 gap-3 pb-0" data-testid="billing-invoices">
      <CardHeader>
        <CardTitle className="text-base">{t("billing.invoices.title")}</CardTitle>
        <CardDescription>{t("billing.invoices.subtitle")}</CardDescription>
      </CardHeader>
      <CardContent className="px-0">
        {list.isError ? (
          <LoadError onRetry={() => void list.refetch()} />
        ) : !items ? (
          <div className="flex flex-col gap-2 px-6 pb-6" aria-busy>
            {Array.from({ length: 3 }, (_, i) => (
              <Skeleton key={i} className="h-10 w-full" />
            ))}
          </div>
        ) : items.length === 0 ? (
          <div className="flex flex-col items-center gap-2 px-6 pt-6 pb-10 text-center" data-testid="billing-invoices-empty">
            <ReceiptTextIcon aria-hidden className="size-8 text-muted-foreground" />
            <p className="font-medium">{t("billing.invoices.empty")}</p>
            <p className="text-sm text-muted-foreground">{t("billing.invoices.emptyHint")}</p>
          </div>
        ) : (
          <div aria-busy={list.isFetching} className={list.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
            <Table>
              <caption className="sr-only">{t("billing.invoices.caption")}</caption>
              <TableHeader>
                <TableRow>
                  <TableHead className="pl-6">{t("billing.invoices.number")}</TableHead>
                  <TableHead>{t("billing.invoices.month")}</TableHead>
                  <TableHead>{t("billing.invoices.status")}</TableHead>
                  <TableHead>{t("billing.invoices.dueAt")}</TableHead>
                  <TableHead className="text-right">{t("billing.invoices.total")}</TableHead>
                  <TableHead className="pr-6 text-right">
                    <span className="sr-only">{t("billing.invoices.actions")}</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((invoice) => {
                  const number = invoice.number ?? "—";
                  return (
                    <TableRow key={invoice.id} data-testid="billing-invoice-row">
                      <TableCell className="pl-6 font-medium">
                        <Link
                          href={`/billing/invoices/${invoice.id}`}
                          className="tabular-nums underline-offset-4 hover:underline"
                          aria-label={t("billing.invoices.view", { number })}
                        >
                          {number}
                        </Link>
                      </TableCell>
                      <TableCell>{formatBillingMonth(invoice.month, locale)}</TableCell>
                      <TableCell>
                        <InvoiceStatusBadge status={invoice.status} />
                      </TableCell>
                      <TableCell className="tabular-nums">{invoice.dueAt ? formatDateOnly(invoice.dueAt, locale) : "—"}</TableCell>
                      <TableCell
                        className={`text-right tabular-nums ${invoice.status === "void" ? "text-muted-foreground line-through" : ""}`}
                      >
                        {formatCents(invoice.totalCents, locale)}
                      </TableCell>
                      <TableCell className="pr-6">
                        <div className="flex justify-end gap-1">
                          <Button asChild variant="ghost" size="sm">
                            <a
                              href={invoiceDownloadHref(invoice.id, "pdf")}
                              download
                              aria-label={t("billing.invoices.downloadPdf", { number })}
                            >
                              <DownloadIcon aria-hidden /> {t("billing.invoices.pdf")}
                            </a>
                          </Button>
                          <Button asChild variant="ghost" size="sm">
                            <a
                              href={invoiceDownloadHref(invoice.id, "csv")}
                              download
                              aria-label={t("billing.invoices.downloadCsv", { number })}
                            >
                              <DownloadIcon aria-hidden /> {t("billing.invoices.csv")}
                            </a>
                          </Button>
                        </div>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        )}
        {items && (page > 0 || list.data?.nextCursor) && (
          <div className="flex justify-end border-t px-6 py-3">
            <PagerButtons
              page={page}
              nextCursor={list.data?.nextCursor ?? null}
              busy={list.isFetching}
              stale={list.isPlaceholderData}
              setCursors={setCursors}
            />
          </div>
        )}
      </CardContent>
    </Card>
  );
}
