"use client";

import { KeyRoundIcon, MoreHorizontalIcon, PencilIcon, Trash2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useI18n } from "@/components/providers/i18n-provider";
import type { TrunkOutput } from "@/lib/schemas/trunk";

/** Edit, new password (registration trunks only) and delete for a trunk the viewer may change. */
export function TrunkActionsMenu({
  trunk,
  onEdit,
  onRegenerate,
  onDelete,
}: {
  trunk: TrunkOutput;
  onEdit: () => void;
  onRegenerate: () => void;
  onDelete: () => void;
}) {
  const { t } = useI18n();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon-sm" aria-label={`${t("common.actions")} ${trunk.name}`}>
          <MoreHorizontalIcon aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuItem onSelect={onEdit}>
          <PencilIcon aria-hidden /> {t("common.edit")}
        </DropdownMenuItem>
        {trunk.authMode === "registration" && (
          <DropdownMenuItem onSelect={onRegenerate}>
            <KeyRoundIcon aria-hidden /> {t("telephony.trunks.regenerate")}
          </DropdownMenuItem>
        )}
        <DropdownMenuSeparator />
        <DropdownMenuItem variant="destructive" onSelect={onDelete}>
          <Trash2Icon aria-hidden /> {t("common.delete")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
