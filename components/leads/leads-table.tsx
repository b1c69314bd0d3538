"use client";

import Link from "next/link";
import { MoreHorizontalIcon, PencilIcon, Trash2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
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
import { LEAD_STATUSES, type LeadOutput } from "@/lib/schemas/lead";
import type { LeadColumn } from "@/lib/schemas/lead-view";
import { COLUMN_LABEL, leadSubtitle, useLeadCell } from "./lead-cells";

export type TableSelection = {
  disabled: boolean;
  isSelected: (id: string) => boolean;
  /** The header checkbox: every row of the page, some, or none. */
  page: boolean | "indeterminate";
  toggle: (lead: LeadOutput) => void;
  togglePage: () => void;
};

type Props = {
  leads: LeadOutput[] | undefined;
  pageSize: number;
  columns: LeadColumn[];
  canDelete: boolean;
  /** No selection, edit, status or delete controls (support sessions). */
  readOnly?: boolean;
  selection: TableSelection | null;
  onEdit: (lead: LeadOutput) => void;
  onDelete: (lead: LeadOutput) => void;
  onStatus: (lead: LeadOutput, status: LeadOutput["status"]) => void;
};

export function LeadsTable({ leads, pageSize, columns, canDelete, readOnly = false, selection, onEdit, onDelete, onStatus }: Props) {
  const { t } = useI18n();
  const cell = useLeadCell();
  // The name is always there: it is the row's link to the lead page.
  const others = columns.filter((c): c is Exclude<LeadColumn, "name"> => c !== "name");
  const span = others.length + 1 + (selection ? 1 : 0) + (readOnly ? 0 : 1);
  return (
    <Table data-testid="leads-table">
      <TableHeader>
        <TableRow>
          {selection && (
            <TableHead className="w-10">
              <Checkbox
                checked={selection.page}
                onCheckedChange={selection.togglePage}
                aria-label={t("leads.bulk.selectPage")}
                disabled={!leads?.length || selection.disabled}
              />
            </TableHead>
          )}
          <TableHead>{t("leads.field.name")}</TableHead>
          {others.map((c) => (
            <TableHead key={c} className={c === "score" ? "w-20" : undefined}>
              {t(COLUMN_LABEL[c])}
            </TableHead>
          ))}
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
              <TableCell colSpan={span}>
                <Skeleton className="h-6 w-full" />
              </TableCell>
            </TableRow>
          ))}
        {leads?.map((lead) => {
          const selected = selection?.isSelected(lead.id) ?? false;
          return (
            <TableRow key={lead.id} data-testid="lead-row" data-state={selected ? "selected" : undefined}>
              {selection && (
                <TableCell>
                  <Checkbox
                    checked={selected}
                    onCheckedChange={() => selection.toggle(lead)}
                    disabled={selection.disabled}
                    aria-label={t("leads.bulk.selectRow", { name: lead.name })}
                  />
                </TableCell>
              )}
              <TableCell>
                <Link
                  href={`/leads/${lead.id}`}
                  className="font-medium underline-offset-4 hover:underline focus-visible:underline focus-visible:outline-none"
                >
                  {lead.name}
                </Link>
                <div className="text-xs text-muted-foreground">{leadSubtitle(lead, others.includes("company"))}</div>
              </TableCell>
              {others.map((c) => (
                <TableCell key={c}>{cell(c, lead)}</TableCell>
              ))}
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
          );
        })}
      </TableBody>
    </Table>
  );
}
