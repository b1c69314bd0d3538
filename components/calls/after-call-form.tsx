"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { cn } from "@/lib/cn";
import { CALL_OUTCOMES, type CallOutcome, type CallView } from "@/lib/schemas/calls";
import { defaultOutcome, NEXT_TASK_DUE, nextTaskDueAt, type NextTaskDue } from "./after-call-values";

type Props = {
  call: CallView;
  /** The other party's name, for the follow-up task's default title. */
  partyName: string | null;
  onDone: () => void;
  onDirtyChange: (dirty: boolean) => void;
  onSkip: () => void;
};
type Errors = { outcome?: string; note?: string; title?: string };
const DUE_LABEL = { tomorrow: "dueTomorrow", twoDays: "dueTwoDays", nextWeek: "dueNextWeek" } as const;

/** Outcome (prefilled from what the PBX saw), a note and an optional follow-up call task. */
export function AfterCallForm({ call, partyName, onDone, onDirtyChange, onSkip }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const initialOutcome = call.outcome ?? defaultOutcome(call.disposition);
  const [outcome, setOutcome] = useState<CallOutcome | null>(initialOutcome);
  const [note, setNote] = useState("");
  const [withTask, setWithTask] = useState(false);
  const defaultTitle = partyName
    ? t("callsBoard.afterCall.nextTaskDefault", { name: partyName })
    : t("callsBoard.afterCall.nextTaskDefaultNoName");
  const [title, setTitle] = useState(defaultTitle);
  const [due, setDue] = useState<NextTaskDue>("tomorrow");
  const [errors, setErrors] = useState<Errors>({});
  const dirty = note.trim() !== "" || withTask || outcome !== initialOutcome;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const save = useMutation(
    trpc.calls.history.setOutcome.mutationOptions({
      onSuccess: () => {
        toast.success(t("callsBoard.afterCall.saved"));
        // The call's timeline entry, the lead's score and tasks changed.
        void queryClient.invalidateQueries({ queryKey: trpc.activities.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.calls.history.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.leads.pathKey() });
        onDone();
      },
      onError: (error) => {
        const fields = error.data?.fieldErrors ?? {};
        const next: Errors = {
          outcome: fields.outcome?.[0],
          note: fields.note?.[0],
          title: fields["nextTask.title"]?.[0] ?? fields.nextTask?.[0],
        };
        if (next.outcome || next.note || next.title) setErrors(next);
        else toast.error(error.message);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: Errors = {};
    if (!outcome) next.outcome = t("errors.required");
    if (withTask && !title.trim()) next.title = t("errors.required");
    setErrors(next);
    if (!outcome || next.title) return;
    save.mutate({
      callId: call.id,
      outcome,
      note: note.trim() || undefined,
      nextTask: withTask ? { title: title.trim(), dueAt: nextTaskDueAt(due) } : undefined,
    });
  }

  return (
    <form onSubmit={submit} className="grid gap-3" noValidate data-testid="after-call-form">
      <fieldset className="grid gap-1.5" aria-describedby={errors.outcome ? `${id}-outcome-error` : undefined}>
        <legend className="mb-1.5 text-sm font-medium">{t("callsBoard.afterCall.outcome")}</legend>
        <div className="flex flex-wrap gap-1.5">
          {CALL_OUTCOMES.map((value) => (
            <label
              key={value}
              className={cn(
                "cursor-pointer rounded-full border px-2.5 py-1 text-xs font-medium transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                outcome === value ? "border-primary bg-primary text-primary-foreground" : "hover:bg-muted",
              )}
            >
              <input
                type="radio"
                name={`${id}-outcome`}
                value={value}
                checked={outcome === value}
                onChange={() => (setOutcome(value), setErrors((e) => ({ ...e, outcome: undefined })))}
                className="sr-only"
              />
              {t(`calls.outcome.${value}`)}
            </label>
          ))}
        </div>
        {errors.outcome && (
          <p id={`${id}-outcome-error`} className="text-xs text-destructive">
            {errors.outcome}
          </p>
        )}
      </fieldset>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-note`}>{t("callsBoard.afterCall.note")}</Label>
        <Textarea
          id={`${id}-note`}
          rows={3}
          maxLength={2000}
          value={note}
          placeholder={t("callsBoard.afterCall.notePlaceholder")}
          aria-invalid={!!errors.note || undefined}
          onChange={(e) => setNote(e.target.value)}
        />
        {errors.note && <p className="text-xs text-destructive">{errors.note}</p>}
      </div>
      <div className="flex items-center gap-2">
        <Checkbox id={`${id}-task`} checked={withTask} onCheckedChange={(v) => setWithTask(v === true)} />
        <Label htmlFor={`${id}-task`} className="font-normal">
          {t("callsBoard.afterCall.nextTask")}
        </Label>
      </div>
      {withTask && (
        <div className="grid gap-2 rounded-md border bg-muted/30 p-2.5">
          <div className="grid gap-1">
            <Label htmlFor={`${id}-title`} className="text-xs">
              {t("callsBoard.afterCall.nextTaskTitle")}
            </Label>
            <Input
              id={`${id}-title`}
              value={title}
              maxLength={200}
              aria-invalid={!!errors.title || undefined}
              onChange={(e) => setTitle(e.target.value)}
            />
            {errors.title && <p className="text-xs text-destructive">{errors.title}</p>}
          </div>
          <div className="grid gap-1">
            <Label htmlFor={`${id}-due`} className="text-xs">
              {t("callsBoard.afterCall.due")}
            </Label>
            <Select value={due} onValueChange={(v) => setDue(v as NextTaskDue)}>
              <SelectTrigger id={`${id}-due`} className="w-full">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {NEXT_TASK_DUE.map((preset) => (
                  <SelectItem key={preset} value={preset}>
                    {t(`callsBoard.afterCall.${DUE_LABEL[preset]}`)}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
        </div>
      )}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" size="sm" onClick={onSkip} disabled={save.isPending}>
          {t("callsBoard.afterCall.skip")}
        </Button>
        <Button type="submit" size="sm" disabled={save.isPending} data-testid="after-call-save">
          {save.isPending && <Spinner aria-label={t("common.loading")} />}
          {t("callsBoard.afterCall.save")}
        </Button>
      </div>
    </form>
  );
}
