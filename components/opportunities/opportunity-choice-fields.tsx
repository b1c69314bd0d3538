"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useI18n } from "@/components/providers/i18n-provider";
import type { PipelineOutput } from "@/lib/schemas/pipeline";
import type { OpportunityFormValues } from "./opportunity-form-values";

const NO_OWNER = "__none";

/**
 * Pipeline, then stage. The pipeline is not a field of its own: it is the chosen stage's, and picking
 * another pipeline moves the choice to that pipeline's first stage.
 */
export function StageFields({ pipelines }: { pipelines: PipelineOutput[] }) {
  const { t, tm } = useI18n();
  const form = useFormContext<OpportunityFormValues>();
  const stageId = useWatch({ control: form.control, name: "stageId" });
  const pipeline = pipelines.find((p) => p.stages.some((s) => s.id === stageId)) ?? pipelines[0];

  return (
    <>
      <div className="grid content-start gap-2">
        <Label htmlFor="opportunity-pipeline">{t("pipelines.field.pipeline")}</Label>
        <Select
          value={pipeline?.id}
          onValueChange={(id) => form.setValue("stageId", pipelines.find((p) => p.id === id)?.stages[0]?.id, { shouldDirty: true })}
        >
          <SelectTrigger id="opportunity-pipeline" className="w-full">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {pipelines.map((p) => (
              <SelectItem key={p.id} value={p.id}>
                {p.name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <FormField
        control={form.control}
        name="stageId"
        render={({ field, fieldState }) => (
          <FormItem className="content-start">
            <FormLabel>{t("pipelines.field.stage")}</FormLabel>
            <Select value={field.value} onValueChange={field.onChange}>
              <FormControl>
                <SelectTrigger className="w-full">
                  <SelectValue />
                </SelectTrigger>
              </FormControl>
              <SelectContent>
                {pipeline?.stages.map((s) => (
                  <SelectItem key={s.id} value={s.id}>
                    {s.name} · {s.probability}%
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
          </FormItem>
        )}
      />
    </>
  );
}

/** The owners the server says this viewer may choose (a rep sees only themselves), or nobody. */
export function OwnerField({
  members,
  current,
}: {
  members: { id: string; name: string }[];
  current?: { id: string; name: string } | null;
}) {
  const { t, tm } = useI18n();
  const form = useFormContext<OpportunityFormValues>();
  return (
    <FormField
      control={form.control}
      name="ownerId"
      render={({ field, fieldState }) => {
        // Editing an opportunity owned by someone this viewer may not assign to: keep showing that owner.
        const options = current && !members.some((m) => m.id === current.id) ? [current, ...members] : members;
        return (
          <FormItem className="sm:col-span-2">
            <FormLabel>{t("pipelines.field.owner")}</FormLabel>
            <Select value={field.value ?? NO_OWNER} onValueChange={(v) => field.onChange(v === NO_OWNER ? null : v)}>
              <FormControl>
                <SelectTrigger className="w-full">
                  <SelectValue />
                </SelectTrigger>
              </FormControl>
              <SelectContent>
                <SelectItem value={NO_OWNER}>{t("pipelines.form.ownerNone")}</SelectItem>
                {options.map((m) => (
                  <SelectItem key={m.id} value={m.id}>
                    {m.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
          </FormItem>
        );
      }}
    />
  );
}
