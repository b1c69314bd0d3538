import { z } from "zod";
import { messageKey } from "@/lib/i18n";
import { BillingMonth, INVOICE_STATUSES, InvoiceSummary } from "./billing";

// Contracts of the tenant's `billing` router (issue 7): usage to date and the tenant's own invoices.
// A tenant never sees cost, margin or the buy side; these schemas have no field for them, and as
// .output() of every procedure they strip whatever else a service might return.

export const UsageInput = z.object({
  /** "2026-10"; the current São Paulo month when absent. */
  month: BillingMonth.optional(),
});
export type UsageInput = z.infer<typeof UsageInput>;

export const UsageByDestination = z.object({
  /** The sell rate's description ("Brasil Móvel SP"); null only if a rated charge lacks one. */
  destination: z.string().nullable(),
  /** Calls that billed seconds (an unanswered call is rated at nothing and not counted). */
  calls: z.number().int(),
  billedSeconds: z.number().int(),
  amountCents: z.bigint(),
});
export type UsageByDestination = z.infer<typeof UsageByDestination>;

export const UsageByDay = z.object({
  /** São Paulo calendar day, "2026-10-05". */
  date: z.string(),
  calls: z.number().int(),
  amountCents: z.bigint(),
});
export type UsageByDay = z.infer<typeof UsageByDay>;

/** A recurring fee of the estimate: the plan or one DID, pro rata for the days it is held in the month. */
export const UsageRecurringFee = z.object({
  /** The plan's name or the DID's E.164 digits. */
  label: z.string(),
  monthlyCents: z.bigint(),
  /** Days of the month the fee covers (all of them unless it started mid-month). */
  days: z.number().int(),
  amountCents: z.bigint(),
});
export type UsageRecurringFee = z.infer<typeof UsageRecurringFee>;

/** What the current month's invoice will roughly be before taxes: plan + DIDs + usage so far. */
export const UsageEstimate = z.object({
  daysInMonth: z.number().int(),
  plan: UsageRecurringFee,
  dids: UsageRecurringFee.array(),
  recurringCents: z.bigint(),
  usageCents: z.bigint(),
  totalCents: z.bigint(),
});
export type UsageEstimate = z.infer<typeof UsageEstimate>;

export const UsageSummary = z.object({
  month: BillingMonth,
  currentMonth: BillingMonth,
  /** The months the tenant may pick, newest first: back to its first month, two years at most. */
  months: BillingMonth.array(),
  /** Calls that billed seconds, as the invoice's usage lines count them. */
  calls: z.number().int(),
  billedSeconds: z.number().int(),
  /** Sum of the destinations' amounts, each rounded to centavos as an invoice's usage lines are. */
  amountCents: z.bigint(),
  /** Calls the operator could not rate yet: shown as under review, never why. */
  unratableCalls: z.number().int(),
  lastRatedAt: z.date().nullable(),
  byDestination: UsageByDestination.array(),
  /** Every day of the month up to today (zeros included). */
  byDay: UsageByDay.array(),
  /** Only for the current month; a past month has its invoice. */
  estimate: UsageEstimate.nullable(),
});
export type UsageSummary = z.infer<typeof UsageSummary>;

/** The statuses a tenant may see: a draft is the operator's work in progress. */
export const TENANT_INVOICE_STATUSES = INVOICE_STATUSES.filter((s) => s !== "draft");

export const TenantInvoiceListInput = z.object({
  /** One billing month's invoices only (a voided one and its replacement, say). */
  month: BillingMonth.optional(),
  cursor: z.uuid({ message: messageKey("invalid_input") }).nullish(),
  limit: z.number().int().min(1).max(50).default(12),
});
export type TenantInvoiceListInput = z.input<typeof TenantInvoiceListInput>;

export const TenantInvoicePage = z.object({ items: InvoiceSummary.array(), nextCursor: z.string().nullable() });
export type TenantInvoicePage = z.infer<typeof TenantInvoicePage>;

export const TenantInvoiceInput = z.object({ id: z.uuid({ message: "billing.errors.invoice_not_found" }) });
