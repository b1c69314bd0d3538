"use client";

import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { useI18n } from "@/components/providers/i18n-provider";

/** Asks before deleting `item`; open while `item` is set. Texts are already translated by the caller. */
export function ConfirmDeleteDialog<T>({
  item,
  title,
  description,
  confirmLabel,
  onCancel,
  onConfirm,
}: {
  item: T | null;
  title: (item: T) => string;
  description: string;
  confirmLabel?: string;
  onCancel: () => void;
  onConfirm: (item: T) => void;
}) {
  const { t } = useI18n();
  return (
    <AlertDialog open={item !== null} onOpenChange={(open) => !open && onCancel()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{item !== null ? title(item) : ""}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{t("common.cancel")}</AlertDialogCancel>
          <AlertDialogAction variant="destructive" onClick={() => item !== null && onConfirm(item)}>
            {confirmLabel ?? t("common.delete")}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
