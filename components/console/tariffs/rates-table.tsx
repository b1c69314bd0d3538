"use client";

import { MoreHorizontalIcon, PencilIcon, Trash2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { SkeletonRows } from "@/components/console/inventory/list-states";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatIncrement, type RateView } from "@/lib/schemas/billing-tariffs";
import { formatEffective, formatRate } from "./tariff-format";

type Props = {
  rates: RateView[] | undefined;
  pageSize: number;
  /** Null on an earlier version: read only. */
  onEdit: ((rate: RateView) => void) | null;
  onDelete: ((rate: RateView) => void) | null;
};

export function RatesTable({ rates, pageSize, onEdit, onDelete }: Props) {
  const { t, locale } = useI18n();
  const editable = onEdit !== null && onDelete !== null;
  const columns = editable ? 8 : 7;
  return (
    <Table data-testid="rates-table">
      <TableHeader>
        <TableRow>
          <TableHead>{t("tariffs.rates.prefix")}</TableHead>
          <TableHead>{t("tariffs.rates.description")}</TableHead>
          <TableHead className="text-right">{t("tariffs.rates.pricePerMinute")}</TableHead>
          <TableHead className="hidden text-right md:table-cell">{t("tariffs.rates.connectionFee")}</TableHead>
          <TableHead className="text-right">{t("tariffs.rates.billing")}</TableHead>
          <TableHead className="hidden sm:table-cell">{t("tariffs.rates.effectiveFrom")}</TableHead>
          <TableHead className="hidden sm:table-cell">{t("tariffs.rates.effectiveTo")}</TableHead>
          {editable && (
            <TableHead className="w-12">
              <span className="sr-only">{t("common.actions")}</span>
            </TableHead>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {!rates && <SkeletonRows rows={Math.min(pageSize, 8)} columns={columns} />}
        {rates?.map((rate) => (
          <TableRow key={rate.id} data-testid="rate-row">
            <TableCell className="font-mono font-medium">{rate.prefix}</TableCell>
            <TableCell className="max-w-64 truncate" title={rate.description}>
              {rate.description}
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatRate(rate.pricePerMinuteMicros, locale)}</TableCell>
            <TableCell className="hidden text-right text-muted-foreground tabular-nums md:table-cell">
              {rate.connectionFeeMicros === 0n ? "—" : formatRate(rate.connectionFeeMicros, locale)}
            </TableCell>
            <TableCell className="text-right font-mono text-sm">{formatIncrement(rate)}</TableCell>
            <TableCell className="hidden text-sm whitespace-nowrap sm:table-cell">{formatEffective(rate.effectiveFrom, locale)}</TableCell>
            <TableCell className="hidden text-sm whitespace-nowrap text-muted-foreground sm:table-cell">
              {rate.effectiveTo ? formatEffective(rate.effectiveTo, locale) : t("tariffs.open")}
            </TableCell>
            {editable && (
              <TableCell>
                <DropdownMenu>
                  <DropdownMenuTrigger asChild>
                    <Button variant="ghost" size="icon" aria-label={`${t("common.actions")}: ${rate.prefix}`}>
                      <MoreHorizontalIcon aria-hidden />
                    </Button>
                  </DropdownMenuTrigger>
                  <DropdownMenuContent align="end">
                    <DropdownMenuItem onSelect={() => onEdit(rate)}>
                      <PencilIcon aria-hidden /> {t("tariffs.rates.edit")}
                    </DropdownMenuItem>
                    <DropdownMenuSeparator />
                    <DropdownMenuItem variant="destructive" onSelect={() => onDelete(rate)}>
                      <Trash2Icon aria-hidden /> {t("tariffs.rates.delete")}
                    </DropdownMenuItem>
                  </DropdownMenuContent>
                </DropdownMenu>
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
