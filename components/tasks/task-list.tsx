"use client";

import { useState } from "react";
import type { TaskOutput } from "@/lib/schemas/task";
import { DeleteTaskDialog } from "./delete-task-dialog";
import { RescheduleDialog } from "./reschedule-dialog";
import { quickRescheduleTarget } from "./reschedule-options";
import { TaskFormDialog } from "./task-form-dialog";
import { TaskRow, type TaskRowActions } from "./task-row";
import { useTaskMutations } from "./use-task-mutations";

type Props = {
  tasks: TaskOutput[];
  readOnly?: boolean;
  showLinks?: boolean;
  showAssignee?: boolean;
  "aria-label"?: string;
};

/** Rows of tasks with their actions: complete (optimistic, with undo), reschedule, edit, delete. */
export function TaskList({ tasks, readOnly, showLinks, showAssignee, "aria-label": ariaLabel }: Props) {
  const mutations = useTaskMutations();
  // The edited task stays set while the dialog animates closed, so its title does not flip to "new".
  const [editing, setEditing] = useState<{ task: TaskOutput | null; open: boolean }>({ task: null, open: false });
  const [picking, setPicking] = useState<TaskOutput | null>(null);
  const [deleting, setDeleting] = useState<TaskOutput | null>(null);

  const actions: TaskRowActions = {
    toggle: mutations.toggle,
    reschedule: (task, option) => mutations.reschedule.mutate({ id: task.id, dueAt: quickRescheduleTarget(option) }),
    pickDate: setPicking,
    edit: (task) => setEditing({ task, open: true }),
    remove: setDeleting,
  };

  return (
    <>
      <ul className="divide-y" aria-label={ariaLabel}>
        {tasks.map((task) => (
          <TaskRow key={task.id} task={task} actions={actions} readOnly={readOnly} showLinks={showLinks} showAssignee={showAssignee} />
        ))}
      </ul>
      <TaskFormDialog open={editing.open} onOpenChange={(open) => setEditing((e) => ({ ...e, open }))} task={editing.task} />
      <RescheduleDialog
        task={picking}
        onOpenChange={(open) => !open && setPicking(null)}
        onPick={(task, dueAt) => mutations.reschedule.mutate({ id: task.id, dueAt })}
      />
      <DeleteTaskDialog
        task={deleting}
        onCancel={() => setDeleting(null)}
        onConfirm={(task) => {
          setDeleting(null);
          mutations.remove.mutate({ id: task.id });
        }}
      />
    </>
  );
}
