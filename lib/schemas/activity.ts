import { z } from "zod";
import { messageKey } from "@/lib/i18n";

export const ACTIVITY_KINDS = [
  "note",
  "call",
  "email",
  "meeting",
  "stage_change",
  "task_created",
  "task_completed",
  "document",
  "lead_created",
  "lead_updated",
  "lead_merged",
  "opportunity_created",
  "opportunity_won",
  "opportunity_lost",
  "opportunity_reopened",
] as const;
export const ActivityKind = z.enum(ACTIVITY_KINDS, { message: messageKey("invalid_option") });
export type ActivityKind = z.infer<typeof ActivityKind>;

/** Contacts a user logs by hand (calls placed by the PBX are recorded by telephony). */
export const LOGGABLE_KINDS = ["call", "email", "meeting"] as const;
export const CALL_OUTCOMES = ["connected", "no_answer", "busy", "voicemail", "wrong_number"] as const;
export const CallOutcome = z.enum(CALL_OUTCOMES, { message: messageKey("invalid_option") });
export type CallOutcome = z.infer<typeof CallOutcome>;

/** A note may be deleted by its author for this long; managers may delete any note. */
export const NOTE_DELETE_WINDOW_MS = 15 * 60_000;
/** Clocks of browser and server differ a little: "now" typed in the browser must not be refused. */
const CLOCK_SKEW_MS = 2 * 60_000;

const id = z.uuid({ message: messageKey("invalid_id") });

export const ActivityBody = z
  .string({ message: messageKey("required") })
  .trim()
  .min(1, messageKey("required"))
  .max(5000, messageKey("too_long", { max: 5000 }));

/** `<iso occurredAt>_<id>`: the last entry of a page; the next page starts strictly after it. */
export const ActivityCursor = z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[0-9a-f-]{36}$/, messageKey("invalid_input"));

export const ActivityListInput = z
  .object({
    leadId: id.optional(),
    opportunityId: id.optional(),
    kinds: z.array(ActivityKind).max(ACTIVITY_KINDS.length).optional(),
    cursor: ActivityCursor.nullish(),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .refine((v) => Boolean(v.leadId) !== Boolean(v.opportunityId), { message: "leadPage.errors.leadOrOpportunity", path: ["leadId"] });
export type ActivityListInput = z.input<typeof ActivityListInput>;

export const NoteCreateInput = z
  .object({ leadId: id.optional(), opportunityId: id.optional(), body: ActivityBody })
  .refine((v) => Boolean(v.leadId || v.opportunityId), { message: "leadPage.errors.leadOrOpportunity", path: ["leadId"] });
export type NoteCreateInput = z.input<typeof NoteCreateInput>;

const ContactLogShape = z.object({
  kind: z.enum(LOGGABLE_KINDS, { message: messageKey("invalid_option") }),
  body: z
    .string()
    .trim()
    .max(5000, messageKey("too_long", { max: 5000 }))
    .transform((v) => (v === "" ? undefined : v))
    .optional(),
  occurredAt: z
    .date({ message: "leadPage.errors.occurredAtInvalid" })
    .refine((d) => d.getTime() <= Date.now() + CLOCK_SKEW_MS, "leadPage.errors.occurredAtFuture")
    .optional(),
  outcome: CallOutcome.optional(),
  durationSec: z
    .number({ message: messageKey("invalid_input") })
    .int(messageKey("invalid_input"))
    .min(0, messageKey("invalid_input"))
    .max(86_400, "leadPage.errors.durationTooLong")
    .optional(),
});

function callFactsOnlyForCalls(v: z.output<typeof ContactLogShape>, ctx: z.RefinementCtx): void {
  if (v.kind === "call") return;
  if (v.outcome !== undefined) ctx.addIssue({ code: "custom", path: ["outcome"], message: "leadPage.errors.callFactsOnlyForCalls" });
  if (v.durationSec !== undefined) {
    ctx.addIssue({ code: "custom", path: ["durationSec"], message: "leadPage.errors.callFactsOnlyForCalls" });
  }
}

/** A call, e-mail or meeting logged by hand: it counts as contact (lastContactAt, scoring). */
export const ContactLogInput = ContactLogShape.extend({ leadId: id }).superRefine(callFactsOnlyForCalls);
export type ContactLogInput = z.input<typeof ContactLogInput>;

export const ActivityId = z.object({ id });

export const ActivityItem = z.object({
  id: z.string(),
  kind: ActivityKind,
  body: z.string().nullable(),
  /** Kind-specific facts (server/services/activities/record-activity.ts lists the shapes). */
  data: z.record(z.string(), z.unknown()).nullable(),
  actorName: z.string().nullable(),
  /** Lets the UI offer "delete" on one's own recent notes; the server decides anyway. */
  actorUserId: z.string().nullable(),
  occurredAt: z.date(),
  opportunity: z.object({ id: z.string(), title: z.string() }).nullable(),
});
export type ActivityItem = z.infer<typeof ActivityItem>;

export const ActivityPage = z.object({ items: z.array(ActivityItem), nextCursor: z.string().nullable() });
export type ActivityPage = z.infer<typeof ActivityPage>;
