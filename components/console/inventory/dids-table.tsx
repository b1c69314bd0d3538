"use client";

import { ArchiveRestoreIcon, BuildingIcon, LogOutIcon, MoreHorizontalIcon, PencilIcon, Trash2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatPhone } from "@/lib/phone";
import type { DidOutput } from "@/lib/schemas/inventory";
import { DidStatusBadge } from "./did-status-badge";
import { formatBrl } from "./format-money";
import { SkeletonRows } from "./list-states";

export type DidAction = "allocate" | "release" | "returnToPool" | "edit" | "delete";

type Props = {
  dids: DidOutput[] | undefined;
  pageSize: number;
  onAction: (did: DidOutput, action: DidAction) => void;
  onTenant: (tenant: { id: string; name: string }) => void;
};

export function DidsTable({ dids, pageSize, onAction, onTenant }: Props) {
  const { t, locale } = useI18n();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  return (
    <Table data-testid="dids-table">
      <TableHeader>
        <TableRow>
          <TableHead>{t("inventory.dids.field.number")}</TableHead>
          <TableHead className="hidden md:table-cell">{t("inventory.dids.field.provider")}</TableHead>
          <TableHead className="text-right">{t("inventory.dids.field.monthlyCost")}</TableHead>
          <TableHead>{t("inventory.dids.field.status")}</TableHead>
          <TableHead>{t("inventory.dids.field.tenant")}</TableHead>
          <TableHead className="w-12">
            <span className="sr-only">{t("common.actions")}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {!dids && <SkeletonRows rows={Math.min(pageSize, 8)} columns={6} />}
        {dids?.map((did) => (
          <TableRow key={did.id} data-testid="did-row">
            <TableCell>
              <div className="font-medium whitespace-nowrap tabular-nums">{formatPhone(did.number)}</div>
              <div className="font-mono text-xs text-muted-foreground">{did.number}</div>
            </TableCell>
            <TableCell className="hidden text-sm md:table-cell">
              {did.provider.name}
              <div className="font-mono text-xs text-muted-foreground">{did.gateway?.name ?? t("inventory.dids.noGateway")}</div>
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatBrl(did.monthlyCost, locale)}</TableCell>
            <TableCell>
              <DidStatusBadge status={did.status} />
            </TableCell>
            <TableCell className="text-sm">
              {did.tenant ? (
                <>
                  <button
                    type="button"
                    className="text-left underline-offset-4 hover:underline focus-visible:underline focus-visible:outline-none"
                    onClick={() => onTenant(did.tenant!)}
                  >
                    {did.tenant.name}
                  </button>
                  {did.allocatedAt && <div className="text-xs text-muted-foreground">{date.format(did.allocatedAt)}</div>}
                </>
              ) : (
                "—"
              )}
            </TableCell>
            <TableCell>
              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button variant="ghost" size="icon" aria-label={`${t("common.actions")}: ${did.number}`}>
                    <MoreHorizontalIcon aria-hidden />
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="end">
                  {did.status === "free" && (
                    <DropdownMenuItem onSelect={() => onAction(did, "allocate")}>
                      <BuildingIcon aria-hidden /> {t("inventory.dids.allocate")}
                    </DropdownMenuItem>
                  )}
                  {did.status === "allocated" && (
                    <DropdownMenuItem onSelect={() => onAction(did, "release")}>
                      <LogOutIcon aria-hidden /> {t("inventory.dids.release")}
                    </DropdownMenuItem>
                  )}
                  {did.status === "quarantined" && (
                    <DropdownMenuItem onSelect={() => onAction(did, "returnToPool")}>
                      <ArchiveRestoreIcon aria-hidden /> {t("inventory.dids.returnToPool")}
                    </DropdownMenuItem>
                  )}
                  <DropdownMenuItem onSelect={() => onAction(did, "edit")}>
                    <PencilIcon aria-hidden /> {t("common.edit")}
                  </DropdownMenuItem>
                  {did.status === "free" && (
                    <>
                      <DropdownMenuSeparator />
                      <DropdownMenuItem variant="destructive" onSelect={() => onAction(did, "delete")}>
                        <Trash2Icon aria-hidden /> {t("common.delete")}
                      </DropdownMenuItem>
                    </>
                  )}
                </DropdownMenuContent>
              </DropdownMenu>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
