"use client";

import { MoreHorizontalIcon, PencilIcon, Trash2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuSub,
  DropdownMenuSubContent,
  DropdownMenuSubTrigger,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatCnpj } from "@/lib/cnpj";
import { formatPhone } from "@/lib/phone";
import { LEAD_STATUSES, type LeadOutput } from "@/lib/schemas/lead";
import { LeadStatusBadge } from "./lead-status-badge";

type Props = {
  leads: LeadOutput[] | undefined;
  pageSize: number;
  canDelete: boolean;
  /** No edit, status or delete controls (support sessions). */
  readOnly?: boolean;
  onEdit: (lead: LeadOutput) => void;
  onDelete: (lead: LeadOutput) => void;
  onStatus: (lead: LeadOutput, status: LeadOutput["status"]) => void;
};

export function LeadsTable({ leads, pageSize, canDelete, readOnly = false, onEdit, onDelete, onStatus }: Props) {
  const { t, locale } = useI18n();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  return (
    <Table data-testid="leads-table">
      <TableHeader>
        <TableRow>
          <TableHead>{t("leads.field.name")}</TableHead>
          <TableHead className="hidden md:table-cell">{t("leads.field.phone")}</TableHead>
          <TableHead className="hidden lg:table-cell">{t("leads.field.email")}</TableHead>
          <TableHead>{t("leads.field.status")}</TableHead>
          <TableHead className="hidden lg:table-cell">{t("leads.field.owner")}</TableHead>
          <TableHead className="hidden xl:table-cell">{t("leads.field.createdAt")}</TableHead>
          {!readOnly && (
            <TableHead className="w-12">
              <span className="sr-only">{t("common.actions")}</span>
            </TableHead>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {!leads &&
          Array.from({ length: Math.min(pageSize, 8) }, (_, i) => (
            <TableRow key={i} aria-hidden>
              <TableCell colSpan={readOnly ? 6 : 7}>
                <Skeleton className="h-6 w-full" />
              </TableCell>
            </TableRow>
          ))}
        {leads?.map((lead) => (
          <TableRow key={lead.id} data-testid="lead-row">
            <TableCell>
              {readOnly ? (
                <span className="font-medium">{lead.name}</span>
              ) : (
                <button
                  type="button"
                  className="text-left font-medium underline-offset-4 hover:underline focus-visible:underline focus-visible:outline-none"
                  onClick={() => onEdit(lead)}
                >
                  {lead.name}
                </button>
              )}
              <div className="text-xs text-muted-foreground">
                {[lead.company, lead.cnpj && formatCnpj(lead.cnpj)].filter(Boolean).join(" · ")}
              </div>
            </TableCell>
            <TableCell className="hidden whitespace-nowrap tabular-nums md:table-cell">
              {lead.phone ? formatPhone(lead.phone) : "—"}
            </TableCell>
            <TableCell className="hidden max-w-56 truncate lg:table-cell">{lead.email ?? "—"}</TableCell>
            <TableCell>
              <LeadStatusBadge status={lead.status} />
            </TableCell>
            <TableCell className="hidden lg:table-cell">{lead.owner?.name ?? "—"}</TableCell>
            <TableCell className="hidden whitespace-nowrap text-muted-foreground xl:table-cell">{date.format(lead.createdAt)}</TableCell>
            {!readOnly && (
              <TableCell>
                <DropdownMenu>
                  <DropdownMenuTrigger asChild>
                    <Button variant="ghost" size="icon" aria-label={`${t("common.actions")}: ${lead.name}`}>
                      <MoreHorizontalIcon aria-hidden />
                    </Button>
                  </DropdownMenuTrigger>
                  <DropdownMenuContent align="end">
                    <DropdownMenuItem onSelect={() => onEdit(lead)}>
                      <PencilIcon aria-hidden /> {t("common.edit")}
                    </DropdownMenuItem>
                    <DropdownMenuSub>
                      <DropdownMenuSubTrigger>{t("leads.field.status")}</DropdownMenuSubTrigger>
                      <DropdownMenuSubContent>
                        <DropdownMenuRadioGroup value={lead.status} onValueChange={(v) => onStatus(lead, v as LeadOutput["status"])}>
                          {LEAD_STATUSES.map((s) => (
                            <DropdownMenuRadioItem key={s} value={s}>
                              {t(`leads.status.${s}`)}
                            </DropdownMenuRadioItem>
                          ))}
                        </DropdownMenuRadioGroup>
                      </DropdownMenuSubContent>
                    </DropdownMenuSub>
                    {canDelete && (
                      <>
                        <DropdownMenuSeparator />
                        <DropdownMenuItem variant="destructive" onSelect={() => onDelete(lead)}>
                          <Trash2Icon aria-hidden /> {t("common.delete")}
                        </DropdownMenuItem>
                      </>
                    )}
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
