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
import type { TaskOutput } from "@/lib/schemas/task";

export function DeleteTaskDialog({
  task,
  onCancel,
  onConfirm,
}: {
  task: TaskOutput | null;
  onCancel: () => void;
  onConfirm: (task: TaskOutput) => void;
}) {
  const { t } = useI18n();
  return (
    <AlertDialog open={task !== null} onOpenChange={(open) => !open && onCancel()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{t("tasks.deleteConfirmTitle", { title: task?.title ?? "" })}</AlertDialogTitle>
          <AlertDialogDescription>{t("tasks.deleteConfirmBody")}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{t("common.cancel")}</AlertDialogCancel>
          <AlertDialogAction variant="destructive" onClick={() => task && onConfirm(task)}>
            {t("common.delete")}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
