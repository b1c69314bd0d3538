"use client";

import type { ReactNode } from "react";
import { Table, TableBody, TableCaption, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import type { ReportMoney } from "@/lib/schemas/billing-reports";
import { cn } from "@/lib/cn";
import { useReportFormat } from "./use-report-format";

export type MoneyTableRow = { key: string; label: ReactNode; money: ReportMoney; extra?: ReactNode[]; muted?: boolean };

type Props = {
  caption: string;
  labelHeader: string;
  rows: MoneyTableRow[];
  /** Columns after the money ones (a gateway's attempts, ASR, ACD). */
  extraHeaders?: string[];
  /** Minutes as the tenant is billed (sell) or as the provider bills (buy). */
  minutes?: "sell" | "buy";
  footer?: MoneyTableRow;
  /** Half-width cards: calls, revenue, margin and margin % only (cost = revenue − margin). */
  compact?: boolean;
};

/** Exact figures under a chart: calls, minutes, revenue, cost, margin and margin % per row. */
export function MoneyTable({ caption, labelHeader, rows, extraHeaders = [], minutes = "sell", footer, compact = false }: Props) {
  const { t } = useI18n();
  const f = useReportFormat();
  const num = "text-right tabular-nums";
  const cells = (row: MoneyTableRow) => {
    const m = row.money;
    return (
      <>
        <TableCell className={num}>{f.integer(m.calls)}</TableCell>
        {!compact && <TableCell className={num}>{f.minutes(minutes === "sell" ? m.billedSecSell : m.billedSecBuy)}</TableCell>}
        <TableCell className={num}>{f.money(m.revenueMicros)}</TableCell>
        {!compact && <TableCell className={num}>{f.money(m.costMicros)}</TableCell>}
        <TableCell className={cn(num, m.marginMicros < 0n && "text-destructive")}>{f.money(m.marginMicros)}</TableCell>
        <TableCell className={cn(num, m.marginMicros < 0n && "text-destructive")}>{f.basisPoints(m.marginBasisPoints)}</TableCell>
        {row.extra?.map((cell, i) => (
          <TableCell key={i} className={num}>
            {cell}
          </TableCell>
        ))}
      </>
    );
  };
  return (
    <Table>
      <TableCaption className="sr-only">{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">{labelHeader}</TableHead>
          <TableHead scope="col" className="text-right">
            {t("billingReports.columns.calls")}
          </TableHead>
          {!compact && (
            <TableHead scope="col" className="text-right">
              {minutes === "sell" ? t("billingReports.columns.minutes") : t("billingReports.columns.minutesBuy")}
            </TableHead>
          )}
          <TableHead scope="col" className="text-right">
            {t("billingReports.columns.revenue")}
          </TableHead>
          {!compact && (
            <TableHead scope="col" className="text-right">
              {t("billingReports.columns.cost")}
            </TableHead>
          )}
          <TableHead scope="col" className="text-right">
            {t("billingReports.columns.margin")}
          </TableHead>
          <TableHead scope="col" className="text-right">
            {t("billingReports.columns.marginPercent")}
          </TableHead>
          {extraHeaders.map((header) => (
            <TableHead key={header} scope="col" className="text-right">
              {header}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key}>
            <th scope="row" className={cn("max-w-64 truncate p-2 text-left font-medium", row.muted && "font-normal text-muted-foreground")}>
              {row.label}
            </th>
            {cells(row)}
          </TableRow>
        ))}
      </TableBody>
      {footer && (
        <TableFooter>
          <TableRow>
            <th scope="row" className="p-2 text-left font-medium">
              {footer.label}
            </th>
            {cells(footer)}
          </TableRow>
        </TableFooter>
      )}
    </Table>
  );
}
