"use client";

import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { toast } from "sonner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { MyDayOutput, TaskOutput, TaskPage } from "@/lib/schemas/task";
import { formatDue } from "./format-due";

type Snapshot = [QueryKey, unknown][];
type Patch = (task: TaskOutput) => TaskOutput;

function patchCached(data: unknown, id: string, patch: Patch): unknown {
  if (!data || typeof data !== "object") return data;
  const apply = (items: TaskOutput[]) => items.map((task) => (task.id === id ? patch(task) : task));
  if ("items" in data) return { ...(data as TaskPage), items: apply((data as TaskPage).items) };
  if ("overdue" in data) {
    const day = data as MyDayOutput;
    return { ...day, overdue: apply(day.overdue), today: apply(day.today), upcoming: apply(day.upcoming) };
  }
  return data;
}

/**
 * Completing, reopening and rescheduling show at once in every cached task list and My day, and
 * roll back with a toast when the server refuses. Afterwards tasks and timelines are refetched
 * (a completion is a timeline entry).
 */
export function useTaskMutations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, tm, locale } = useI18n();
  const tasksKey = trpc.tasks.pathKey();

  async function patchAll(id: string, patch: Patch): Promise<Snapshot> {
    await queryClient.cancelQueries({ queryKey: tasksKey });
    const snapshot = queryClient.getQueriesData({ queryKey: tasksKey }) as Snapshot;
    for (const [key, data] of snapshot) queryClient.setQueryData(key, patchCached(data, id, patch));
    return snapshot;
  }
  const rollback = (snapshot: Snapshot | undefined, message: string) => {
    for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
    toast.error(tm(message));
  };
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: tasksKey });
    void queryClient.invalidateQueries({ queryKey: trpc.activities.pathKey() });
  };

  const reopen = useMutation(
    trpc.tasks.reopen.mutationOptions({
      onMutate: ({ id }) => patchAll(id, (task) => ({ ...task, completedAt: null, overdue: task.dueAt.getTime() < Date.now() })),
      onError: (error, _vars, snapshot) => rollback(snapshot, error.message),
      onSuccess: () => toast.success(t("tasks.reopened")),
      onSettled: refresh,
    }),
  );

  const complete = useMutation(
    trpc.tasks.complete.mutationOptions({
      onMutate: ({ id }) => patchAll(id, (task) => ({ ...task, completedAt: new Date(), overdue: false })),
      onError: (error, _vars, snapshot) => rollback(snapshot, error.message),
      onSuccess: (task) =>
        toast.success(t("tasks.completed"), { action: { label: t("tasks.undo"), onClick: () => reopen.mutate({ id: task.id }) } }),
      onSettled: refresh,
    }),
  );

  const reschedule = useMutation(
    trpc.tasks.reschedule.mutationOptions({
      onMutate: ({ id, dueAt }) => patchAll(id, (task) => ({ ...task, dueAt, overdue: dueAt.getTime() < Date.now() })),
      onError: (error, _vars, snapshot) => rollback(snapshot, error.message),
      onSuccess: (task) => toast.success(t("tasks.rescheduled", { when: formatDue(task.dueAt, locale) })),
      onSettled: refresh,
    }),
  );

  const remove = useMutation(
    trpc.tasks.delete.mutationOptions({
      onError: (error) => toast.error(tm(error.message)),
      onSuccess: () => toast.success(t("tasks.deleted")),
      onSettled: refresh,
    }),
  );

  /** Ticks or unticks a task's checkbox. */
  const toggle = (task: TaskOutput) => (task.completedAt ? reopen.mutate({ id: task.id }) : complete.mutate({ id: task.id }));

  return { complete, reopen, reschedule, remove, toggle };
}
