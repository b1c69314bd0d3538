"use client";

import { AlertTriangleIcon } from "lucide-react";
import Link from "next/link";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatCents } from "@/lib/billing/micros";
import { formatCnpj } from "@/lib/cnpj";
import type { InvoiceSummary } from "@/lib/schemas/billing";
import { InvoiceStatusBadge } from "./invoice-status-badge";

const dueFormat = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: "short", timeZone: "UTC" });

/** One page of invoices: company (links to the invoice), number, status, due date, total, unratable calls. */
export function InvoicesTable({ invoices, pageSize }: { invoices: InvoiceSummary[] | undefined; pageSize: number }) {
  const { t, locale } = useI18n();
  return (
    <Table data-testid="invoices-table">
      <TableHeader>
        <TableRow>
          <TableHead>{t("invoices.list.tenant")}</TableHead>
          <TableHead>{t("invoices.list.number")}</TableHead>
          <TableHead>{t("invoices.list.status")}</TableHead>
          <TableHead className="hidden md:table-cell">{t("invoices.list.due")}</TableHead>
          <TableHead className="text-right">{t("invoices.list.total")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {!invoices &&
          Array.from({ length: Math.min(pageSize, 6) }, (_, i) => (
            <TableRow key={i} aria-hidden>
              <TableCell colSpan={5}>
                <Skeleton className="h-9 w-full" />
              </TableCell>
            </TableRow>
          ))}
        {invoices?.map((invoice) => (
          <TableRow key={invoice.id} data-testid="invoice-row" className="relative">
            <TableCell>
              <Link
                href={`/invoices/${invoice.id}`}
                className="font-medium underline-offset-4 after:absolute after:inset-0 hover:underline focus-visible:underline focus-visible:outline-none"
                aria-label={t("invoices.list.open", { tenant: invoice.tenant.name })}
              >
                {invoice.tenant.name}
              </Link>
              <div className="text-xs text-muted-foreground">
                {invoice.tenant.cnpj ? formatCnpj(invoice.tenant.cnpj) : invoice.tenant.slug}
              </div>
            </TableCell>
            <TableCell className="font-mono text-sm">{invoice.number ?? t("invoices.list.noNumber")}</TableCell>
            <TableCell>
              <div className="flex flex-wrap items-center gap-1.5">
                <InvoiceStatusBadge status={invoice.status} />
                {invoice.unratableCalls > 0 && invoice.status === "draft" && (
                  <Tooltip>
                    <TooltipTrigger asChild>
                      <span
                        className="relative z-10 inline-flex items-center gap-1 text-xs text-warning"
                        tabIndex={0}
                        data-testid="invoice-unratable"
                      >
                        <AlertTriangleIcon className="size-3.5" aria-hidden />
                        {t("invoices.list.unratable", { count: invoice.unratableCalls })}
                      </span>
                    </TooltipTrigger>
                    <TooltipContent>{t("invoices.list.unratableHint")}</TooltipContent>
                  </Tooltip>
                )}
              </div>
            </TableCell>
            <TableCell className="hidden tabular-nums md:table-cell">
              {invoice.dueAt ? dueFormat(locale).format(new Date(`${invoice.dueAt}T12:00:00Z`)) : "—"}
            </TableCell>
            <TableCell className="text-right font-medium tabular-nums">{formatCents(invoice.totalCents, locale)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
