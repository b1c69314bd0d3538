"use client";

import { InfoIcon } from "lucide-react";
import Link from "next/link";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatCnpj } from "@/lib/cnpj";
import type { TenantListItem } from "@/lib/schemas/tenant";
import { TenantActionsMenu } from "./tenant-actions-menu";
import type { TenantAction } from "./tenant-confirm-dialog";
import { TenantStatusBadge } from "./tenant-status-badge";

type Props = {
  tenants: TenantListItem[] | undefined;
  pageSize: number;
  onAction: (tenant: TenantListItem, action: TenantAction) => void;
  onEdit: (tenant: TenantListItem) => void;
  onNewInvitation: (tenant: TenantListItem) => void;
};

function HelpHeader({ label, help }: { label: string; help: string }) {
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <button
          type="button"
          className="inline-flex items-center gap-1 rounded-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        >
          {label} <InfoIcon className="size-3.5 text-muted-foreground" aria-hidden />
        </button>
      </TooltipTrigger>
      <TooltipContent className="max-w-64">{help}</TooltipContent>
    </Tooltip>
  );
}

export function TenantsTable({ tenants, pageSize, onAction, onEdit, onNewInvitation }: Props) {
  const { t, locale } = useI18n();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const number = new Intl.NumberFormat(locale);
  return (
    <Table data-testid="tenants-table">
      <TableHeader>
        <TableRow>
          <TableHead>{t("console.tenants.column.name")}</TableHead>
          <TableHead className="hidden md:table-cell">{t("console.tenants.column.plan")}</TableHead>
          <TableHead>{t("console.tenants.column.status")}</TableHead>
          <TableHead className="hidden text-right lg:table-cell">{t("console.tenants.column.users")}</TableHead>
          <TableHead className="hidden text-right lg:table-cell">{t("console.tenants.column.extensions")}</TableHead>
          <TableHead className="hidden text-right lg:table-cell">{t("console.tenants.column.dids")}</TableHead>
          <TableHead className="hidden text-right xl:table-cell">
            <HelpHeader label={t("console.tenants.column.calls")} help={t("console.tenants.callsUnavailable")} />
          </TableHead>
          <TableHead className="hidden xl:table-cell">
            <HelpHeader label={t("console.tenants.column.lastActivity")} help={t("console.tenants.lastActivityHelp")} />
          </TableHead>
          <TableHead className="w-12">
            <span className="sr-only">{t("common.actions")}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {!tenants &&
          Array.from({ length: Math.min(pageSize, 8) }, (_, i) => (
            <TableRow key={i} aria-hidden>
              <TableCell colSpan={9}>
                <Skeleton className="h-6 w-full" />
              </TableCell>
            </TableRow>
          ))}
        {tenants?.map((tenant) => (
          <TableRow key={tenant.id} data-testid="tenant-row" data-slug={tenant.slug}>
            <TableCell>
              <Link
                href={`/tenants/${tenant.id}`}
                className="font-medium underline-offset-4 hover:underline focus-visible:underline focus-visible:outline-none"
              >
                {tenant.name}
              </Link>
              <div className="text-xs text-muted-foreground">
                {[tenant.slug, tenant.cnpj && formatCnpj(tenant.cnpj)].filter(Boolean).join(" · ")}
              </div>
            </TableCell>
            <TableCell className="hidden md:table-cell">{tenant.plan.name}</TableCell>
            <TableCell>
              <TenantStatusBadge status={tenant.status} />
            </TableCell>
            <TableCell className="hidden text-right tabular-nums lg:table-cell">{number.format(tenant.users)}</TableCell>
            <TableCell className="hidden text-right tabular-nums lg:table-cell">{number.format(tenant.extensions)}</TableCell>
            <TableCell className="hidden text-right tabular-nums lg:table-cell">{number.format(tenant.dids)}</TableCell>
            {/* No Call table yet (telephony is a later issue): the count is unknown, not zero. */}
            <TableCell className="hidden text-right text-muted-foreground xl:table-cell" title={t("console.tenants.callsUnavailable")}>
              {number.format(tenant.callsThisMonth)}
            </TableCell>
            <TableCell className="hidden whitespace-nowrap text-muted-foreground xl:table-cell">
              {tenant.lastActivityAt ? date.format(tenant.lastActivityAt) : t("console.tenants.never")}
            </TableCell>
            <TableCell>
              <TenantActionsMenu
                tenant={tenant}
                onAction={(action) => onAction(tenant, action)}
                onEdit={() => onEdit(tenant)}
                onNewInvitation={() => onNewInvitation(tenant)}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
