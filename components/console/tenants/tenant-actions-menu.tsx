"use client";

import {
  ArchiveIcon,
  EyeIcon,
  LifeBuoyIcon,
  MailPlusIcon,
  MoreHorizontalIcon,
  PauseCircleIcon,
  PencilIcon,
  PlayCircleIcon,
  Trash2Icon,
} from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useI18n } from "@/components/providers/i18n-provider";
import type { TenantStatus } from "@/lib/schemas/tenant";
import type { TenantAction } from "./tenant-confirm-dialog";

export type MenuTenant = { id: string; name: string; status: TenantStatus; deletable: boolean };

/** Which actions a tenant in this status offers; delete only without history, archive otherwise. */
export function availableActions(tenant: MenuTenant): TenantAction[] {
  const actions: TenantAction[] = [];
  if (tenant.status === "active") actions.push("support", "suspend");
  if (tenant.status !== "active") actions.push("reactivate");
  if (tenant.deletable) actions.push("delete");
  else if (tenant.status !== "archived") actions.push("archive");
  return actions;
}

const ICON = { support: LifeBuoyIcon, suspend: PauseCircleIcon, reactivate: PlayCircleIcon, archive: ArchiveIcon, delete: Trash2Icon };

export function TenantActionsMenu({
  tenant,
  onAction,
  onEdit,
  onNewInvitation,
}: {
  tenant: MenuTenant;
  onAction: (action: TenantAction) => void;
  onEdit: () => void;
  onNewInvitation: () => void;
}) {
  const { t } = useI18n();
  const actions = availableActions(tenant);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`${t("common.actions")}: ${tenant.name}`} data-testid="tenant-actions">
          <MoreHorizontalIcon aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-56">
        <DropdownMenuItem asChild>
          <Link href={`/tenants/${tenant.id}`}>
            <EyeIcon aria-hidden /> {t("console.tenants.action.open")}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={onEdit}>
          <PencilIcon aria-hidden /> {t("console.tenants.action.edit")}
        </DropdownMenuItem>
        {tenant.status !== "archived" && (
          <DropdownMenuItem onSelect={onNewInvitation}>
            <MailPlusIcon aria-hidden /> {t("console.tenants.action.newInvitation")}
          </DropdownMenuItem>
        )}
        <DropdownMenuSeparator />
        {actions.map((action) => {
          const Icon = ICON[action];
          return (
            <DropdownMenuItem key={action} variant={action === "delete" ? "destructive" : "default"} onSelect={() => onAction(action)}>
              <Icon aria-hidden /> {t(`console.tenants.action.${action}`)}
            </DropdownMenuItem>
          );
        })}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
