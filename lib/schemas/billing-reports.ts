import { z } from "zod";
import { messageKey } from "@/lib/i18n";
import { GATEWAY_NAME_PATTERN } from "./inventory";
import { zonedInputValues } from "./task";

// The operator's reports (issue 7, console only): revenue, cost and margin of rated calls, and
// ASR/ACD of the gateways, over a range of São Paulo calendar days. Money travels as bigint
// micro-reais (exact sums from PostgreSQL); the page rounds each figure once, to centavos.

/** Report days are São Paulo's, like billing months (no DST since 2019, but the zone decides). */
export const REPORT_TIME_ZONE = "America/Sao_Paulo";
/** The longest range a report covers (a leap year). */
export const MAX_REPORT_DAYS = 366;
export const REPORT_PRESETS = ["this_month", "last_month", "last_7_days", "last_30_days"] as const;
export type ReportPreset = (typeof REPORT_PRESETS)[number];
/** Top-N lists (destinations, tenants) default to this many rows plus "others". */
export const DEFAULT_TOP = 10;

const id = z.uuid({ message: messageKey("invalid_id") });

/** `YYYY-MM-DD`, a real calendar day (2026-02-30 is refused, not moved to March). */
export const ReportDay = z
  .string({ message: messageKey("required") })
  .refine(isReportDay, { message: "billingReports.errors.invalid_day" });

export const ReportRangeInput = z
  .object({
    preset: z.enum([...REPORT_PRESETS, "custom"], { message: messageKey("invalid_option") }).default("this_month"),
    /** Custom ranges only: first and last day, both included. */
    from: ReportDay.optional(),
    to: ReportDay.optional(),
  })
  .superRefine((range, ctx) => {
    if (range.preset !== "custom") return;
    if (!range.from) ctx.addIssue({ code: "custom", path: ["from"], message: messageKey("required") });
    if (!range.to) ctx.addIssue({ code: "custom", path: ["to"], message: messageKey("required") });
    // A malformed day has its own issue already; comparing it would add a second, misleading one.
    if (!range.from || !range.to || !isReportDay(range.from) || !isReportDay(range.to)) return;
    if (range.to < range.from) ctx.addIssue({ code: "custom", path: ["to"], message: "billingReports.errors.range_order" });
    else if (daysBetween(range.from, range.to) + 1 > MAX_REPORT_DAYS)
      ctx.addIssue({ code: "custom", path: ["to"], message: `billingReports.errors.range_too_long?max=${MAX_REPORT_DAYS}` });
  });
export type ReportRangeInput = z.input<typeof ReportRangeInput>;

/** What every report takes: the range and optional filters (all of them apply together). */
export const ReportFilterInput = z.object({
  range: ReportRangeInput.default({ preset: "this_month" }),
  tenantId: id.nullish(),
  providerId: id.nullish(),
  /** Charges and calls keep the gateway's name, so a report filters by it. */
  gatewayName: z
    .string()
    .regex(GATEWAY_NAME_PATTERN, { message: messageKey("invalid_option") })
    .nullish(),
});
export type ReportFilterInput = z.input<typeof ReportFilterInput>;

export const ReportTopInput = ReportFilterInput.extend({
  limit: z.number().int().min(1).max(50).default(DEFAULT_TOP),
});
export type ReportTopInput = z.input<typeof ReportTopInput>;

/** A resolved range: both days included. */
export const ReportRange = z.object({ from: z.string(), to: z.string(), days: z.number().int() });
export type ReportRange = z.infer<typeof ReportRange>;

/** Rated calls of a group (unratable ones have no money and are counted apart). */
export const ReportMoney = z.object({
  calls: z.number().int(),
  answeredCalls: z.number().int(),
  /** Talk time of the rated calls. */
  answeredSec: z.number().int(),
  /** What the tenant is billed for (sell rate's minimum and increment) … */
  billedSecSell: z.number().int(),
  /** … and what the provider bills the operator for (buy rate's). */
  billedSecBuy: z.number().int(),
  revenueMicros: z.bigint(),
  costMicros: z.bigint(),
  marginMicros: z.bigint(),
  /** margin / revenue in hundredths of a percent (2550 = 25.50 %); null without revenue. */
  marginBasisPoints: z.number().int().nullable(),
});
export type ReportMoney = z.infer<typeof ReportMoney>;

/**
 * Gateway traffic from the calls themselves (rated or not): attempts are ended outbound calls that
 * seized the gateway (a click-to-call whose rep never answered never reached it); ASR = answered /
 * attempts; ACD = talk seconds of the answered calls / answered calls.
 */
export const ReportTraffic = z.object({
  attempts: z.number().int(),
  answered: z.number().int(),
  talkSec: z.number().int(),
  /** 0–1; null without attempts. */
  asr: z.number().nullable(),
  /** Whole seconds; null without answered calls. */
  acdSec: z.number().int().nullable(),
});
export type ReportTraffic = z.infer<typeof ReportTraffic>;

export const ReportSummary = z.object({
  range: ReportRange,
  totals: ReportMoney,
  traffic: ReportTraffic,
  /** Calls of the range no rate matched (see /rating): they are in no other figure. */
  unratableCalls: z.number().int(),
});
export type ReportSummary = z.infer<typeof ReportSummary>;

export const ReportDayRow = ReportMoney.extend({ day: z.string() });
export const ReportByDay = z.object({ range: ReportRange, days: ReportDayRow.array() });
export type ReportByDay = z.infer<typeof ReportByDay>;

export const ReportTenantRow = ReportMoney.extend({ tenantId: z.uuid(), slug: z.string(), name: z.string() });
export type ReportTenantRow = z.infer<typeof ReportTenantRow>;
/** The top rows by revenue, and everything after them summed as "others" (null when nothing is left). */
export const ReportByTenant = z.object({
  rows: ReportTenantRow.array(),
  others: ReportMoney.extend({ count: z.number().int() }).nullable(),
});
export type ReportByTenant = z.infer<typeof ReportByTenant>;

export const ReportProviderRow = ReportMoney.extend({ providerId: z.uuid().nullable(), name: z.string().nullable() });
export type ReportProviderRow = z.infer<typeof ReportProviderRow>;
export const ReportByProvider = z.object({ rows: ReportProviderRow.array() });
export type ReportByProvider = z.infer<typeof ReportByProvider>;

/** A gateway's money (its rated charges) and traffic (its calls); null name: charges with no gateway. */
export const ReportGatewayRow = z.object({
  gatewayName: z.string().nullable(),
  providerName: z.string().nullable(),
  money: ReportMoney,
  traffic: ReportTraffic,
});
export type ReportGatewayRow = z.infer<typeof ReportGatewayRow>;
export const ReportByGateway = z.object({ rows: ReportGatewayRow.array() });
export type ReportByGateway = z.infer<typeof ReportByGateway>;

/** Null destination: unanswered calls no sell rate matched (rated at zero: they bill nothing). */
export const ReportDestinationRow = ReportMoney.extend({ destination: z.string().nullable() });
export type ReportDestinationRow = z.infer<typeof ReportDestinationRow>;
export const ReportByDestination = z.object({
  rows: ReportDestinationRow.array(),
  others: ReportMoney.extend({ count: z.number().int() }).nullable(),
});
export type ReportByDestination = z.infer<typeof ReportByDestination>;

/** The filter pickers' choices. */
export const ReportFilterOptions = z.object({
  tenants: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }).array(),
  providers: z.object({ id: z.uuid(), name: z.string() }).array(),
  gateways: z.object({ name: z.string(), providerId: z.uuid() }).array(),
});
export type ReportFilterOptions = z.infer<typeof ReportFilterOptions>;

/** The days a range covers, both included, with presets taken on São Paulo's calendar at `now`. */
export function resolveReportRange(input: z.output<typeof ReportRangeInput>, now = new Date()): ReportRange {
  const today = zonedInputValues(now, REPORT_TIME_ZONE).date;
  const firstOfMonth = `${today.slice(0, 8)}01`;
  let from: string;
  let to: string;
  switch (input.preset) {
    case "custom":
      from = input.from!;
      to = input.to!;
      break;
    case "this_month":
      [from, to] = [firstOfMonth, today];
      break;
    case "last_month":
      [from, to] = [addMonths(firstOfMonth, -1), addDays(firstOfMonth, -1)];
      break;
    case "last_7_days":
      [from, to] = [addDays(today, -6), today];
      break;
    case "last_30_days":
      [from, to] = [addDays(today, -29), today];
      break;
  }
  return { from, to, days: daysBetween(from, to) + 1 };
}

function isReportDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && addDays(day, 0) === day;
}

/** `YYYY-MM-DD` plus n days (calendar arithmetic; no zone involved). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + n));
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
}

function addMonths(firstOfMonth: string, n: number): string {
  const [y, m] = firstOfMonth.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
