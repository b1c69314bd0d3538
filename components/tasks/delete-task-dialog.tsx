"use client";

import { ConfirmDeleteDialog } from "@/components/ui/confirm-delete-dialog";
import { useI18n } from "@/components/providers/i18n-provider";
import type { TaskOutput } from "@/lib/schemas/task";

export function DeleteTaskDialog(props: { task: TaskOutput | null; onCancel: () => void; onConfirm: (task: TaskOutput) => void }) {
  const { t } = useI18n();
  return (
    <ConfirmDeleteDialog
      item={props.task}
      title={(task) => t("tasks.deleteConfirmTitle", { title: task.title })}
      description={t("tasks.deleteConfirmBody")}
      onCancel={props.onCancel}
      onConfirm={props.onConfirm}
    />
  );
}
