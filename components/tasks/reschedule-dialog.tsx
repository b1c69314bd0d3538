"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useI18n } from "@/components/providers/i18n-provider";
import { fromZonedInputValues, zonedInputValues, type TaskOutput } from "@/lib/schemas/task";

/** "Escolher data": a date and a time in the tenant's time zone. */
export function RescheduleDialog({
  task,
  onOpenChange,
  onPick,
}: {
  task: TaskOutput | null;
  onOpenChange: (open: boolean) => void;
  onPick: (task: TaskOutput, dueAt: Date) => void;
}) {
  const { t } = useI18n();
  const [date, setDate] = useState("");
  const [time, setTime] = useState("");
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    if (!task) return;
    const values = zonedInputValues(task.dueAt);
    setDate(values.date);
    setTime(values.time);
    setInvalid(false);
  }, [task]);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const dueAt = fromZonedInputValues(date, time);
    if (!task || !dueAt) return setInvalid(true);
    onPick(task, dueAt);
    onOpenChange(false);
  }

  return (
    <Dialog open={task !== null} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-sm">
        <DialogHeader>
          <DialogTitle>{t("tasks.reschedulePickTitle")}</DialogTitle>
          <DialogDescription>{task?.title}</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} noValidate className="grid grid-cols-2 gap-3">
          <div className="grid gap-2">
            <Label htmlFor="reschedule-date">{t("tasks.field.dueDate")}</Label>
            <Input
              id="reschedule-date"
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
              aria-invalid={invalid}
              autoFocus
            />
          </div>
          <div className="grid gap-2">
            <Label htmlFor="reschedule-time">{t("tasks.field.dueTime")}</Label>
            <Input
              id="reschedule-time"
              type="time"
              step={300}
              value={time}
              onChange={(e) => setTime(e.target.value)}
              aria-invalid={invalid}
            />
          </div>
          {invalid && (
            <p role="alert" className="col-span-2 text-sm text-destructive">
              {t("tasks.errors.dueAtInvalid")}
            </p>
          )}
          <DialogFooter className="col-span-2">
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              {t("common.cancel")}
            </Button>
            <Button type="submit">{t("common.save")}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
