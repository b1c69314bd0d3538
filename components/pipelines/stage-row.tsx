"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowDownIcon, ArrowUpIcon, CheckIcon, PlusIcon, Trash2Icon } from "lucide-react";
import { useEffect, useId } from "react";
import { useForm, type Path } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { StageFields, type StageOutput } from "@/lib/schemas/pipeline";

type Values = z.input<typeof StageFields>;
type Output = z.output<typeof StageFields>;

type Props = {
  pipelineId: string;
  /** Omitted: the row that adds a stage at the end. */
  stage?: StageOutput;
  index?: number;
  last?: boolean;
  busy?: boolean;
  onMove?: (direction: -1 | 1) => void;
  onDelete?: (stage: StageOutput) => void;
};

const toValues = (stage?: StageOutput): Values => ({
  name: stage?.name ?? "",
  probability: String(stage?.probability ?? 0),
  rottingDays: stage?.rottingDays == null ? "" : String(stage.rottingDays),
});

/** One stage of the editor: name, probability and rotting days edited in place, with inline errors. */
export function StageRow({ pipelineId, stage, index = 0, last = false, busy = false, onMove, onDelete }: Props) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = { name: useId(), probability: useId(), rotting: useId() };
  const form = useForm<Values, unknown, Output>({ resolver: zodResolver(StageFields), defaultValues: toValues(stage) });
  useEffect(() => form.reset(toValues(stage)), [stage, form]);

  const onError = (error: { message: string; data?: { fieldErrors?: Record<string, string[]> } | null }) => {
    const entries = Object.entries(error.data?.fieldErrors ?? {}).filter(([f]) => f in StageFields.shape);
    for (const [field, messages] of entries) form.setError(field as Path<Values>, { message: messages[0] });
    if (entries.length === 0) toast.error(error.message);
  };
  const onSuccess = (message: string) => {
    toast.success(message);
    void queryClient.invalidateQueries({ queryKey: trpc.pipelines.pathKey() });
    if (!stage) form.reset(toValues());
  };
  const create = useMutation(
    trpc.pipelines.stages.create.mutationOptions({ onSuccess: () => onSuccess(t("pipelines.editor.stageAdded")), onError }),
  );
  const update = useMutation(
    trpc.pipelines.stages.update.mutationOptions({ onSuccess: () => onSuccess(t("pipelines.editor.stageSaved")), onError }),
  );
  const saving = create.isPending || update.isPending;

  function submit(values: Output) {
    if (stage) update.mutate({ id: stage.id, data: values });
    else create.mutate({ ...values, pipelineId });
  }

  const error = (field: keyof Values) => form.formState.errors[field]?.message;
  const errorId = (field: keyof Values) => (error(field) ? `${ids.name}-${field}-error` : undefined);
  const label = stage ? stage.name : t("pipelines.editor.newStage");

  return (
    <form
      onSubmit={form.handleSubmit(submit)}
      noValidate
      className="grid grid-cols-[1fr_4.5rem_6rem_auto] items-end gap-2 rounded-lg border p-2"
      aria-label={label}
      data-testid={stage ? "stage-row" : "new-stage-row"}
    >
      <div className="grid gap-1">
        <label htmlFor={ids.name} className="text-xs text-muted-foreground">
          {t("pipelines.editor.stageName")}
        </label>
        <Input id={ids.name} maxLength={60} aria-invalid={!!error("name")} aria-describedby={errorId("name")} {...form.register("name")} />
      </div>
      <div className="grid gap-1">
        <label htmlFor={ids.probability} className="text-xs text-muted-foreground">
          {t("pipelines.editor.probability")}
        </label>
        <Input
          id={ids.probability}
          type="number"
          min={0}
          max={100}
          inputMode="numeric"
          aria-invalid={!!error("probability")}
          aria-describedby={errorId("probability")}
          {...form.register("probability")}
        />
      </div>
      <div className="grid gap-1">
        <label htmlFor={ids.rotting} className="text-xs text-muted-foreground">
          {t("pipelines.editor.rottingDays")}
        </label>
        <Input
          id={ids.rotting}
          type="number"
          min={1}
          inputMode="numeric"
          placeholder="—"
          aria-invalid={!!error("rottingDays")}
          aria-describedby={errorId("rottingDays")}
          {...form.register("rottingDays")}
        />
      </div>
      <div className="flex items-end gap-0.5 self-end">
        {stage ? (
          <>
            <Button
              type="submit"
              variant="ghost"
              size="icon"
              disabled={saving || !form.formState.isDirty}
              aria-label={t("pipelines.editor.saveStage", { stage: stage.name })}
            >
              <CheckIcon aria-hidden />
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              disabled={busy || index === 0}
              onClick={() => onMove?.(-1)}
              aria-label={t("pipelines.editor.moveUp", { stage: stage.name })}
            >
              <ArrowUpIcon aria-hidden />
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              disabled={busy || last}
              onClick={() => onMove?.(1)}
              aria-label={t("pipelines.editor.moveDown", { stage: stage.name })}
            >
              <ArrowDownIcon aria-hidden />
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              className="text-destructive"
              onClick={() => onDelete?.(stage)}
              aria-label={t("pipelines.editor.deleteStage", { stage: stage.name })}
            >
              <Trash2Icon aria-hidden />
            </Button>
          </>
        ) : (
          <Button type="submit" variant="outline" disabled={saving}>
            <PlusIcon aria-hidden /> {t("pipelines.editor.addStage")}
          </Button>
        )}
      </div>
      {(["name", "probability", "rottingDays"] as const).map(
        (field) =>
          error(field) && (
            <p key={field} id={errorId(field)} className="col-span-4 text-sm text-destructive">
              {tm(error(field))}
            </p>
          ),
      )}
      {stage && stage.opportunityCount !== null && (
        <p className="col-span-4 text-xs text-muted-foreground">{t("pipelines.editor.stageCount", { count: stage.opportunityCount })}</p>
      )}
    </form>
  );
}
