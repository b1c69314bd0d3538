"use client";

import { PencilIcon, Trash2Icon } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { TableCell } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";

/** The numbers (DIDs) that route to a ring group or use business hours, or `unusedLabel`. */
export function UsedByCell({ usedBy, unusedLabel }: { usedBy: string[]; unusedLabel: string }) {
  return (
    <TableCell className="hidden text-sm md:table-cell">
      {usedBy.length > 0 ? usedBy.join(", ") : <span className="text-muted-foreground">{unusedLabel}</span>}
    </TableCell>
  );
}

/**
 * Edit and delete buttons of a row something else may still use. While numbers use it, delete
 * says what to change first instead of opening a confirmation the server would refuse.
 */
export function EditDeleteCell({
  name,
  usedBy,
  inUseMessage,
  onEdit,
  onDelete,
}: {
  name: string;
  usedBy: string[];
  inUseMessage: (numbers: string) => string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useI18n();
  return (
    <TableCell className="pr-6 text-right whitespace-nowrap">
      <Button variant="ghost" size="icon" onClick={onEdit} aria-label={`${t("common.edit")}: ${name}`}>
        <PencilIcon aria-hidden />
      </Button>
      <Button
        variant="ghost"
        size="icon"
        onClick={() => (usedBy.length > 0 ? toast.error(inUseMessage(usedBy.join(", "))) : onDelete())}
        aria-label={`${t("common.delete")}: ${name}`}
      >
        <Trash2Icon aria-hidden />
      </Button>
    </TableCell>
  );
}
