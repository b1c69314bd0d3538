"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import { toast } from "sonner";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatBrl, formatBrlInput } from "@/lib/money";
import { OpportunityFields, type OpportunityOutput } from "@/lib/schemas/opportunity";
import { LeadCombobox, type LeadChoice } from "./lead-combobox";
import { OpportunityLinesField, linesTotal } from "./opportunity-lines-field";
import { OwnerField, StageFields } from "./opportunity-choice-fields";
import { formDefaults, type OpportunityFormOutput, type OpportunityFormValues } from "./opportunity-form-values";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Preselects (and shows) the lead a new opportunity is for. */
  lead?: { id: string; name: string };
  /** Preselects the stage of a new opportunity (the board's "+" of a column). */
  defaultStageId?: string;
  /** The opportunity to edit (fetched here with its lines, so its id is enough); omitted to create one. */
  opportunity?: Pick<OpportunityOutput, "id"> & Partial<OpportunityOutput>;
  onSaved?: (opportunity: { id: string }) => void;
};

const FORM_FIELDS = ["title", "leadId", "value", "expectedCloseOn", "stageId", "ownerId", "lines"];

/** Creates or edits an opportunity: from a lead's page (lead given), the board (stage given) or the list. */
export function OpportunityFormDialog({ open, onOpenChange, lead, defaultStageId, opportunity, onSaved }: Props) {
  const { t, tm, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pipelines = useQuery({ ...trpc.pipelines.list.queryOptions(), enabled: open });
  const assignees = useQuery({ ...trpc.pipelines.opportunities.assignees.queryOptions(), enabled: open });
  const detail = useQuery({
    ...trpc.pipelines.opportunities.get.queryOptions({ id: opportunity?.id ?? "" }),
    enabled: open && !!opportunity,
  });
  const [leadChoice, setLeadChoice] = useState<LeadChoice | null>(null);
  const form = useForm<OpportunityFormValues, unknown, OpportunityFormOutput>({ resolver: zodResolver(OpportunityFields) });
  const lines = useWatch({ control: form.control, name: "lines" });
  const hasLines = (lines?.length ?? 0) > 0;
  const total = hasLines ? linesTotal(lines) : null;

  // Fill the form once per opening, when what it needs has arrived (never over the user's typing).
  const ready = pipelines.data && assignees.data && (!opportunity || detail.data);
  const filled = useRef(false);
  useEffect(() => {
    if (!open) filled.current = false;
    if (!open || !ready || filled.current) return;
    filled.current = true;
    const firstStage = pipelines.data![0]?.stages[0]?.id;
    const me = assignees.data!.me;
    const ownerId = me && assignees.data!.members.some((m) => m.id === me) ? me : null;
    form.reset(
      formDefaults(opportunity ? detail.data! : null, { leadId: lead?.id ?? null, stageId: defaultStageId ?? firstStage, ownerId }, locale),
    );
    setLeadChoice(opportunity ? (detail.data!.lead ?? null) : (lead ?? null));
  }, [open, ready, opportunity, detail.data, pipelines.data, assignees.data, lead, defaultStageId, locale, form]);

  // With lines the value is their sum: show it in the (read-only) value field so validation passes.
  useEffect(() => {
    if (hasLines && total !== null) form.setValue("value", formatBrlInput(total, locale));
  }, [hasLines, total, locale, form]);

  const onError = (error: { message: string; data?: { fieldErrors?: Record<string, string[]> } | null }) => {
    const entries = Object.entries(error.data?.fieldErrors ?? {}).filter(([field]) => FORM_FIELDS.includes(field.split(".")[0]!));
    for (const [field, messages] of entries) form.setError(field as Path<OpportunityFormValues>, { message: messages[0] });
    if (entries.length === 0) toast.error(error.message);
  };
  const onSuccess = (saved: { id: string }, message: string) => {
    toast.success(message);
    void queryClient.invalidateQueries({ queryKey: trpc.pipelines.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.activities.pathKey() });
    onSaved?.({ id: saved.id });
    onOpenChange(false);
  };
  const create = useMutation(
    trpc.pipelines.opportunities.create.mutationOptions({ onSuccess: (o) => onSuccess(o, t("pipelines.form.created")), onError }),
  );
  const update = useMutation(
    trpc.pipelines.opportunities.update.mutationOptions({ onSuccess: (o) => onSuccess(o, t("pipelines.form.updated")), onError }),
  );
  const saving = create.isPending || update.isPending;

  function onSubmit(values: OpportunityFormOutput) {
    const data = { ...values, title: values.title ?? "", lines: values.lines ?? [] };
    if (opportunity) update.mutate({ id: opportunity.id, data });
    else create.mutate(data);
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !saving && onOpenChange(next)}>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{opportunity ? t("pipelines.form.editTitle") : t("pipelines.form.newTitle")}</DialogTitle>
          <DialogDescription>{t("pipelines.form.description")}</DialogDescription>
        </DialogHeader>
        {!ready ? (
          <div className="grid gap-4 sm:grid-cols-2" aria-busy>
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-14 w-full" />
            ))}
          </div>
        ) : (
          <Form {...form}>
            <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-4 sm:grid-cols-2" data-testid="opportunity-form">
              <FormField
                control={form.control}
                name="leadId"
                render={({ fieldState }) => (
                  <FormItem className="sm:col-span-2">
                    <FormLabel>{t("pipelines.field.lead")}</FormLabel>
                    <FormControl>
                      <LeadCombobox
                        value={leadChoice}
                        invalid={!!fieldState.error}
                        onChange={(choice) => {
                          setLeadChoice(choice);
                          form.setValue("leadId", choice?.id ?? null, { shouldDirty: true });
                        }}
                      />
                    </FormControl>
                    <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name="title"
                render={({ field, fieldState }) => (
                  <FormItem className="sm:col-span-2">
                    <FormLabel>{t("pipelines.field.title")}</FormLabel>
                    <FormControl>
                      <Input
                        autoFocus
                        maxLength={120}
                        placeholder={leadChoice ? (leadChoice.company ?? leadChoice.name) : t("pipelines.form.titlePlaceholder")}
                        {...field}
                        value={field.value ?? ""}
                      />
                    </FormControl>
                    {leadChoice && <FormDescription>{t("pipelines.form.titleHint")}</FormDescription>}
                    <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name="value"
                render={({ field, fieldState }) => (
                  <FormItem className="content-start">
                    <FormLabel>{t("pipelines.field.value")}</FormLabel>
                    <FormControl>
                      <Input inputMode="decimal" placeholder="0,00" readOnly={hasLines} {...field} value={field.value ?? ""} />
                    </FormControl>
                    {hasLines && (
                      <FormDescription>
                        {t("pipelines.form.valueFromLines", { total: total === null ? "—" : formatBrl(total, locale) })}
                      </FormDescription>
                    )}
                    <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name="expectedCloseOn"
                render={({ field, fieldState }) => (
                  <FormItem className="content-start">
                    <FormLabel>{t("pipelines.field.expectedCloseOn")}</FormLabel>
                    <FormControl>
                      <Input type="date" {...field} value={field.value ?? ""} />
                    </FormControl>
                    <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                  </FormItem>
                )}
              />
              <StageFields pipelines={pipelines.data!} />
              <OwnerField members={assignees.data!.members} current={detail.data?.owner} />
              <OpportunityLinesField />
              <FormDialogFooter saving={saving} onCancel={() => onOpenChange(false)} />
            </form>
          </Form>
        )}
      </DialogContent>
    </Dialog>
  );
}
