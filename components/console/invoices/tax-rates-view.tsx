"use client";

import { useQuery } from "@tanstack/react-query";
import { MoreHorizontalIcon, PencilIcon, PercentIcon, PlusIcon, Trash2Icon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-delete-dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatTaxPercent, type TaxRateOutput } from "@/lib/schemas/billing-invoices";
import { TaxRateFormDialog } from "./tax-rate-form-dialog";
import { useTaxRateMutations } from "./use-tax-rate-mutations";

/** The taxes invoice runs add, in their order, with "active" toggled in place. */
export function TaxRatesView() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const list = useQuery(trpc.admin.invoices.taxes.list.queryOptions());
  const { toggle, remove } = useTaxRateMutations();
  const [editing, setEditing] = useState<TaxRateOutput | "new" | null>(null);
  const [deleting, setDeleting] = useState<TaxRateOutput | null>(null);
  const taxes = list.data;

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("invoices.taxes.title")}</h1>
          <p className="text-sm text-muted-foreground">{t("invoices.taxes.subtitle")}</p>
        </div>
        <Button onClick={() => setEditing("new")} data-testid="tax-new">
          <PlusIcon aria-hidden /> {t("invoices.taxes.new")}
        </Button>
      </div>
      <p className="text-sm text-muted-foreground">{t("invoices.taxes.snapshotNote")}</p>

      <Card className="gap-0 py-0" aria-busy={list.isFetching}>
        {list.isError ? (
          <div role="alert" className="flex flex-col items-center gap-3 p-10 text-center">
            <p>{t("invoices.taxes.loadError")}</p>
            <Button variant="outline" onClick={() => void list.refetch()}>
              {t("common.retry")}
            </Button>
          </div>
        ) : taxes && taxes.length === 0 ? (
          <div className="flex flex-col items-center gap-3 p-10 text-center" data-testid="taxes-empty">
            <PercentIcon className="size-8 text-muted-foreground" aria-hidden />
            <p className="text-muted-foreground">{t("invoices.taxes.empty")}</p>
            <p className="text-sm text-muted-foreground">{t("invoices.taxes.emptyHint")}</p>
            <Button onClick={() => setEditing("new")}>
              <PlusIcon aria-hidden /> {t("invoices.taxes.new")}
            </Button>
          </div>
        ) : (
          <Table data-testid="taxes-table">
            <TableHeader>
              <TableRow>
                <TableHead className="w-20">{t("invoices.taxes.position")}</TableHead>
                <TableHead>{t("invoices.taxes.name")}</TableHead>
                <TableHead className="text-right">{t("invoices.taxes.percent")}</TableHead>
                <TableHead className="w-28">{t("invoices.taxes.active")}</TableHead>
                <TableHead className="w-12">
                  <span className="sr-only">{t("common.actions")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {!taxes &&
                Array.from({ length: 3 }, (_, i) => (
                  <TableRow key={i} aria-hidden>
                    <TableCell colSpan={5}>
                      <Skeleton className="h-8 w-full" />
                    </TableCell>
                  </TableRow>
                ))}
              {taxes?.map((tax) => (
                <TableRow key={tax.id} data-testid="tax-row" className={tax.active ? undefined : "text-muted-foreground"}>
                  <TableCell className="tabular-nums">{tax.position}</TableCell>
                  <TableCell>
                    <button
                      type="button"
                      className="text-left font-medium underline-offset-4 hover:underline focus-visible:underline focus-visible:outline-none"
                      onClick={() => setEditing(tax)}
                    >
                      {tax.name}
                    </button>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{formatTaxPercent(tax.basisPoints, locale)}</TableCell>
                  <TableCell>
                    <label className="flex items-center gap-2 text-sm">
                      <Checkbox
                        checked={tax.active}
                        onCheckedChange={(checked) => toggle(tax, checked === true)}
                        aria-label={`${t("invoices.taxes.active")}: ${tax.name}`}
                      />
                      {tax.active ? t("invoices.taxes.activeBadge") : t("invoices.taxes.inactiveBadge")}
                    </label>
                  </TableCell>
                  <TableCell>
                    <DropdownMenu>
                      <DropdownMenuTrigger asChild>
                        <Button variant="ghost" size="icon" aria-label={`${t("common.actions")}: ${tax.name}`}>
                          <MoreHorizontalIcon aria-hidden />
                        </Button>
                      </DropdownMenuTrigger>
                      <DropdownMenuContent align="end">
                        <DropdownMenuItem onSelect={() => setEditing(tax)}>
                          <PencilIcon aria-hidden /> {t("common.edit")}
                        </DropdownMenuItem>
                        <DropdownMenuSeparator />
                        <DropdownMenuItem variant="destructive" onSelect={() => setDeleting(tax)}>
                          <Trash2Icon aria-hidden /> {t("common.delete")}
                        </DropdownMenuItem>
                      </DropdownMenuContent>
                    </DropdownMenu>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>

      <TaxRateFormDialog
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        tax={editing === "new" ? null : editing}
      />
      <ConfirmDeleteDialog
        item={deleting}
        title={(tax) => t("invoices.taxes.deleteTitle", { name: tax.name })}
        description={t("invoices.taxes.deleteBody")}
        onCancel={() => setDeleting(null)}
        onConfirm={(tax) => {
          setDeleting(null);
          remove.mutate({ id: tax.id });
        }}
      />
    </div>
  );
}
