"use client";

import { ArchiveIcon, ArchiveRestoreIcon, MoreHorizontalIcon, PencilIcon, Trash2Icon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
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
import { cn } from "@/lib/cn";
import { formatBrl } from "@/lib/money";
import type { PlanOutput } from "@/lib/schemas/plan";
import { PlanFeatures } from "./plan-features";

type Props = {
  plans: PlanOutput[] | undefined;
  onEdit: (plan: PlanOutput) => void;
  onArchive: (plan: PlanOutput) => void;
  onUnarchive: (plan: PlanOutput) => void;
  onDelete: (plan: PlanOutput) => void;
};

function PlanLimits({ plan }: { plan: PlanOutput }) {
  const { t, locale } = useI18n();
  const n = (count: number) => count.toLocaleString(locale);
  return (
    <ul className="space-y-0.5 text-sm tabular-nums" aria-label={t("plans.field.limits")}>
      <li>{t("plans.limit.users", { count: n(plan.maxUsers) })}</li>
      <li>{t("plans.limit.extensions", { count: n(plan.maxExtensions) })}</li>
      <li>{t("plans.limit.dids", { count: n(plan.maxDids) })}</li>
      <li>{t("plans.limit.calls", { count: n(plan.maxConcurrentCalls) })}</li>
    </ul>
  );
}

export function PlansTable({ plans, onEdit, onArchive, onUnarchive, onDelete }: Props) {
  const { t, locale } = useI18n();
  return (
    <Table data-testid="plans-table">
      <TableHeader>
        <TableRow>
          <TableHead>{t("plans.field.name")}</TableHead>
          <TableHead className="text-right">{t("plans.field.monthlyPrice")}</TableHead>
          <TableHead className="hidden md:table-cell">{t("plans.field.limits")}</TableHead>
          <TableHead className="hidden lg:table-cell">{t("plans.field.features")}</TableHead>
          <TableHead className="text-right">{t("plans.field.tenants")}</TableHead>
          <TableHead className="w-12">
            <span className="sr-only">{t("common.actions")}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {!plans &&
          Array.from({ length: 3 }, (_, i) => (
            <TableRow key={i} aria-hidden>
              <TableCell colSpan={6}>
                <Skeleton className="h-16 w-full" />
              </TableCell>
            </TableRow>
          ))}
        {plans?.map((plan) => {
          const archived = plan.archivedAt !== null;
          return (
            <TableRow key={plan.id} data-testid="plan-row" className={cn("align-top", archived && "text-muted-foreground")}>
              <TableCell>
                <div className="flex flex-wrap items-center gap-2">
                  <button
                    type="button"
                    className="text-left font-medium underline-offset-4 hover:underline focus-visible:underline focus-visible:outline-none"
                    onClick={() => onEdit(plan)}
                  >
                    {plan.name}
                  </button>
                  {archived && <Badge variant="warning">{t("plans.archivedBadge")}</Badge>}
                </div>
                <code className="text-xs text-muted-foreground">{plan.code}</code>
              </TableCell>
              <TableCell className="text-right whitespace-nowrap">
                <div className="font-medium tabular-nums">{formatBrl(plan.monthlyPrice, locale)}</div>
                <div className="text-xs text-muted-foreground">{t("plans.perMonth")}</div>
              </TableCell>
              <TableCell className="hidden md:table-cell">
                <PlanLimits plan={plan} />
              </TableCell>
              <TableCell className="hidden max-w-72 lg:table-cell">
                <PlanFeatures features={plan.features} />
              </TableCell>
              <TableCell className="text-right tabular-nums">{plan.tenantCount.toLocaleString(locale)}</TableCell>
              <TableCell>
                <DropdownMenu>
                  <DropdownMenuTrigger asChild>
                    <Button variant="ghost" size="icon" aria-label={`${t("common.actions")}: ${plan.name}`}>
                      <MoreHorizontalIcon aria-hidden />
                    </Button>
                  </DropdownMenuTrigger>
                  <DropdownMenuContent align="end">
                    <DropdownMenuItem onSelect={() => onEdit(plan)}>
                      <PencilIcon aria-hidden /> {t("common.edit")}
                    </DropdownMenuItem>
                    {archived ? (
                      <DropdownMenuItem onSelect={() => onUnarchive(plan)}>
                        <ArchiveRestoreIcon aria-hidden /> {t("plans.unarchive")}
                      </DropdownMenuItem>
                    ) : (
                      <DropdownMenuItem onSelect={() => onArchive(plan)}>
                        <ArchiveIcon aria-hidden /> {t("plans.archive")}
                      </DropdownMenuItem>
                    )}
                    <DropdownMenuSeparator />
                    <DropdownMenuItem variant="destructive" onSelect={() => onDelete(plan)}>
                      <Trash2Icon aria-hidden /> {t("common.delete")}
                    </DropdownMenuItem>
                  </DropdownMenuContent>
                </DropdownMenu>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
