import type { z } from "zod";
import { formatBrlInput } from "@/lib/money";
import type { OpportunityDetail, OpportunityFields } from "@/lib/schemas/opportunity";

/** What the opportunity form edits: the procedure's own input schema (zodResolver validates with it). */
export type OpportunityFormValues = z.input<typeof OpportunityFields>;
export type OpportunityFormOutput = z.output<typeof OpportunityFields>;

type NewDefaults = { leadId: string | null; stageId: string | undefined; ownerId: string | null };

export function formDefaults(existing: OpportunityDetail | null, fresh: NewDefaults, locale: string): OpportunityFormValues {
  if (!existing) {
    return { title: "", leadId: fresh.leadId, value: "", expectedCloseOn: "", stageId: fresh.stageId, ownerId: fresh.ownerId, lines: [] };
  }
  return {
    title: existing.title,
    leadId: existing.lead?.id ?? null,
    value: formatBrlInput(existing.value, locale),
    expectedCloseOn: existing.expectedCloseOn ?? "",
    stageId: existing.stage.id,
    ownerId: existing.owner?.id ?? null,
    lines: existing.lines.map((line) => ({
      description: line.description,
      quantity: String(line.quantity),
      unitPrice: formatBrlInput(line.unitPrice, locale),
    })),
  };
}
