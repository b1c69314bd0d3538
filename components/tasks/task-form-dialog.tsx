"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { TASK_TYPES, TaskFormFields, zonedInputValues, zonedTimeOnDay, type TaskOutput, type TaskType } from "@/lib/schemas/task";
import { TaskTypeIcon } from "./task-type-icon";

type FormInput = z.input<typeof TaskFormFields>;
type FormOutput = z.output<typeof TaskFormFields>;
const NOBODY = "__none";

/** A new task is due at the next full hour (or tomorrow at 9:00 once the working day is over). */
function defaultDue(now = new Date()): Date {
  const nextHour = new Date(now);
  nextHour.setMinutes(0, 0, 0);
  nextHour.setHours(nextHour.getHours() + 1);
  const sixPm = zonedTimeOnDay(now, 0, 18);
  return nextHour.getTime() > sixPm.getTime() ? zonedTimeOnDay(now, 1, 9) : nextHour;
}

function defaults(task: TaskOutput | null | undefined, type: TaskType, myMembershipId: string | null): FormInput {
  const due = zonedInputValues(task?.dueAt ?? defaultDue());
  return {
    title: task?.title ?? "",
    type: task?.type ?? type,
    dueDate: due.date,
    dueTime: due.time,
    assigneeId: task ? (task.assignee?.id ?? null) : myMembershipId,
    notes: task?.notes ?? "",
  };
}

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Links a new task to this lead (ignored when editing). */
  leadId?: string | null;
  /** Links a new task to this opportunity (its lead is linked too). */
  opportunityId?: string | null;
  defaultType?: TaskType;
  /** The task being edited; null or absent to create one. */
  task?: TaskOutput | null;
  onSaved?: (task: TaskOutput) => void;
};

/**
 * Creates or edits a task. Reps may only pick themselves as assignee (the server enforces it too);
 * the due date and time are typed in the tenant's time zone.
 */
export function TaskFormDialog({ open, onOpenChange, leadId, opportunityId, defaultType = "todo", task, onSaved }: Props) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const assignees = useQuery({ ...trpc.tasks.assignees.queryOptions(), enabled: open, staleTime: 60_000 });
  const myMembershipId = assignees.data?.myMembershipId ?? null;
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(TaskFormFields),
    defaultValues: defaults(task, defaultType, myMembershipId),
  });

  // Reset when the dialog opens or its task changes — not when the assignees answer arrives, which
  // can come after the user started typing (it only fills the assignee, below).
  const latestMembershipId = useRef(myMembershipId);
  latestMembershipId.current = myMembershipId;
  useEffect(() => {
    if (open) form.reset(defaults(task, defaultType, latestMembershipId.current));
  }, [open, task, defaultType, form]);
  useEffect(() => {
    if (open && !task && myMembershipId && form.getValues("assigneeId") === null && !form.getFieldState("assigneeId").isDirty) {
      form.setValue("assigneeId", myMembershipId);
    }
  }, [open, task, myMembershipId, form]);

  const onError = (error: { message: string; data?: { fieldErrors?: Record<string, string[]> } | null }) => {
    const fieldErrors = Object.entries(error.data?.fieldErrors ?? {});
    const shown = fieldErrors.filter(([field]) => ["title", "type", "dueAt", "assigneeId", "notes"].includes(field));
    for (const [field, messages] of shown) {
      form.setError(field === "dueAt" ? "dueDate" : (field as "title" | "type" | "assigneeId" | "notes"), { message: messages[0] });
    }
    if (shown.length === 0) toast.error(error.message);
  };
  const onSuccess = (saved: TaskOutput, message: string) => {
    toast.success(message);
    // A new task shows in lists, My day and (as task_created) on the linked timeline.
    void queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.activities.pathKey() });
    onSaved?.(saved);
    onOpenChange(false);
  };
  const create = useMutation(trpc.tasks.create.mutationOptions({ onSuccess: (s) => onSuccess(s, t("tasks.created")), onError }));
  const update = useMutation(trpc.tasks.update.mutationOptions({ onSuccess: (s) => onSuccess(s, t("tasks.updated")), onError }));
  const saving = create.isPending || update.isPending;

  function onSubmit(values: FormOutput) {
    if (task) update.mutate({ id: task.id, data: values });
    else create.mutate({ ...values, leadId: leadId ?? null, opportunityId: opportunityId ?? null });
  }

  const members = assignees.data?.members ?? [];
  // Editing a task of someone a rep cannot pick: keep showing its current assignee.
  const current = task?.assignee && !members.some((m) => m.id === task.assignee!.id) ? [task.assignee] : [];

  return (
    <Dialog open={open} onOpenChange={(next) => !saving && onOpenChange(next)}>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{task ? t("tasks.editTitle") : t("tasks.newTitle")}</DialogTitle>
          <DialogDescription>{t("tasks.dialogDescription")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-4 sm:grid-cols-2" data-testid="task-form">
            <FormField
              control={form.control}
              name="title"
              render={({ field, fieldState }) => (
                <FormItem className="sm:col-span-2">
                  <FormLabel>{t("tasks.field.title")}</FormLabel>
                  <FormControl>
                    <Input autoFocus maxLength={200} {...field} />
                  </FormControl>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="type"
              render={({ field, fieldState }) => (
                <FormItem className="sm:col-span-2">
                  <FormLabel>{t("tasks.field.type")}</FormLabel>
                  <Select value={field.value} onValueChange={field.onChange}>
                    <FormControl>
                      <SelectTrigger className="w-full">
                        <SelectValue />
                      </SelectTrigger>
                    </FormControl>
                    <SelectContent>
                      {TASK_TYPES.map((type) => (
                        <SelectItem key={type} value={type}>
                          <TaskTypeIcon type={type} className="size-4" /> {t(`tasks.type.${type}`)}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="dueDate"
              render={({ field, fieldState }) => (
                <FormItem>
                  <FormLabel>{t("tasks.field.dueDate")}</FormLabel>
                  <FormControl>
                    <Input type="date" {...field} />
                  </FormControl>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="dueTime"
              render={({ field, fieldState }) => (
                <FormItem>
                  <FormLabel>{t("tasks.field.dueTime")}</FormLabel>
                  <FormControl>
                    <Input type="time" step={300} {...field} />
                  </FormControl>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="assigneeId"
              render={({ field, fieldState }) => (
                <FormItem className="sm:col-span-2">
                  <FormLabel>{t("tasks.field.assignee")}</FormLabel>
                  <Select value={field.value ?? NOBODY} onValueChange={(v) => field.onChange(v === NOBODY ? null : v)}>
                    <FormControl>
                      <SelectTrigger className="w-full">
                        <SelectValue />
                      </SelectTrigger>
                    </FormControl>
                    <SelectContent>
                      <SelectItem value={NOBODY}>{t("tasks.assigneeNone")}</SelectItem>
                      {[...current, ...members].map((m) => (
                        <SelectItem key={m.id} value={m.id}>
                          {m.name}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="notes"
              render={({ field, fieldState }) => (
                <FormItem className="sm:col-span-2">
                  <FormLabel>{t("tasks.field.notes")}</FormLabel>
                  <FormControl>
                    <Textarea rows={3} maxLength={2000} {...field} value={field.value ?? ""} />
                  </FormControl>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <FormDialogFooter saving={saving} onCancel={() => onOpenChange(false)} />
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
