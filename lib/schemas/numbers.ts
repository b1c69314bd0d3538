import { z } from "zod";
import { messageKey, type MessageKey, type Params } from "@/lib/i18n";
import { isValidTimeOfDay, isValidTimezone, WEEKDAYS } from "@/lib/telephony/allow-list";

// The tenant's side of inbound telephony: where each of its DIDs rings (an extension, a ring group,
// a customer trunk or the "unavailable" announcement, optionally split by business hours), its ring
// groups and its business hours. The renderers write ids and extension numbers, never these names;
// the timezone and the times do reach Asterisk (GotoIfTime), so they pass the allow-lists here.

/** An encoded message of the numbers area ("numbers.errors.name_taken?name=…"), translated like messageKey's. */
export function numbersMessage(key: Extract<MessageKey, `numbers.${string}`>, params?: Params): string {
  const query = params ? `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` : "";
  return `${key}${query}`;
}

const id = (message = messageKey("invalid_id")) => z.uuid({ message });

/**
 * Names people read in the UI (accents welcome), never written to a config line. Control
 * characters, quotes and config syntax are refused anyway, so a name cannot surprise a log,
 * a CSV export or a future renderer.
 */
export const NAME_PATTERN = /^[\p{L}\p{N} ._'&/-]+$/u;

function displayName(max: number) {
  return (
    z
      .string({ message: messageKey("required") })
      // Only spaces are trimmed: a tab or newline at either end is refused, not silently cleaned.
      .transform((value) => value.normalize("NFC").replace(/^ +| +$/g, ""))
      .pipe(
        z
          .string()
          .min(1, { message: messageKey("required"), abort: true })
          .max(max, messageKey("too_long", { max }))
          .regex(NAME_PATTERN, numbersMessage("numbers.errors.name_invalid")),
      )
  );
}

// ---------------------------------------------------------------- ring groups

export const RING_STRATEGIES = ["ringall", "sequential"] as const;
export type RingStrategy = (typeof RING_STRATEGIES)[number];
export const RING_SECONDS = { min: 5, max: 300 } as const;
export const MAX_RING_GROUP_MEMBERS = 32;

export const RingGroupFields = z.object({
  name: displayName(80),
  strategy: z.enum(RING_STRATEGIES, { message: messageKey("invalid_option") }),
  ringSeconds: z
    .number({ message: numbersMessage("numbers.errors.ring_seconds", RING_SECONDS) })
    .int(numbersMessage("numbers.errors.ring_seconds", RING_SECONDS))
    .min(RING_SECONDS.min, numbersMessage("numbers.errors.ring_seconds", RING_SECONDS))
    .max(RING_SECONDS.max, numbersMessage("numbers.errors.ring_seconds", RING_SECONDS)),
  /** Extension ids in ringing order (sequential rings them one after the other). */
  memberIds: z
    .array(id(), { message: numbersMessage("numbers.errors.members_required") })
    .min(1, numbersMessage("numbers.errors.members_required"))
    .max(MAX_RING_GROUP_MEMBERS, numbersMessage("numbers.errors.members_too_many", { max: MAX_RING_GROUP_MEMBERS }))
    .refine((ids) => new Set(ids).size === ids.length, numbersMessage("numbers.errors.members_duplicate")),
});
export type RingGroupFields = z.input<typeof RingGroupFields>;

export const RingGroupId = z.object({ id: id() });
export const RingGroupUpdateInput = z.object({ id: id(), data: RingGroupFields });
export type RingGroupUpdateInput = z.input<typeof RingGroupUpdateInput>;

export const RingGroupOutput = z.object({
  id: z.string(),
  name: z.string(),
  strategy: z.enum(RING_STRATEGIES),
  ringSeconds: z.number(),
  members: z.array(z.object({ id: z.string(), number: z.string(), name: z.string(), enabled: z.boolean() })),
  /** The DIDs that route here (in or after hours): while any does, the group cannot be deleted. */
  usedBy: z.array(z.string()),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type RingGroupOutput = z.infer<typeof RingGroupOutput>;

export const ExtensionOption = z.object({ id: z.string(), number: z.string(), name: z.string(), enabled: z.boolean() });
export type ExtensionOption = z.infer<typeof ExtensionOption>;

// ---------------------------------------------------------------- business hours

/** Brazil has had no daylight saving time since 2019, so each zone is a fixed offset today. */
export const BRAZIL_TIMEZONES = [
  "America/Sao_Paulo",
  "America/Manaus",
  "America/Cuiaba",
  "America/Belem",
  "America/Fortaleza",
  "America/Recife",
  "America/Bahia",
  "America/Porto_Velho",
  "America/Boa_Vista",
  "America/Rio_Branco",
  "America/Noronha",
] as const;
export type BrazilTimezone = (typeof BRAZIL_TIMEZONES)[number];
export const DEFAULT_TIMEZONE: BrazilTimezone = "America/Sao_Paulo";
export const MAX_HOURS_RULES = 14;

// A zone outside the list could pass TIMEZONE_PATTERN and still be unknown to Asterisk (which then
// silently evaluates in the server's zone): the list is the allow-list, the pattern the backstop.
const Timezone = z
  .string({ message: numbersMessage("numbers.errors.timezone_invalid") })
  .refine(
    (value) => (BRAZIL_TIMEZONES as readonly string[]).includes(value) && isValidTimezone(value),
    numbersMessage("numbers.errors.timezone_invalid"),
  );

const TimeOfDay = z
  .string({ message: numbersMessage("numbers.errors.time_invalid") })
  .refine(isValidTimeOfDay, numbersMessage("numbers.errors.time_invalid"));

export const BusinessHoursRule = z
  .object({
    days: z
      .array(z.enum(WEEKDAYS, { message: messageKey("invalid_option") }), { message: numbersMessage("numbers.errors.days_required") })
      .min(1, numbersMessage("numbers.errors.days_required"))
      .refine((days) => new Set(days).size === days.length, numbersMessage("numbers.errors.days_duplicate")),
    open: TimeOfDay,
    close: TimeOfDay,
  })
  // "HH:MM" strings compare in clock order. A rule never spans midnight: split it in two.
  .refine((rule) => !isValidTimeOfDay(rule.open) || !isValidTimeOfDay(rule.close) || rule.open < rule.close, {
    message: numbersMessage("numbers.errors.close_before_open"),
    path: ["close"],
  });
export type BusinessHoursRule = z.infer<typeof BusinessHoursRule>;

export const BusinessHoursFields = z.object({
  name: displayName(80),
  timezone: Timezone,
  rules: z
    .array(BusinessHoursRule, { message: numbersMessage("numbers.errors.rules_required") })
    .min(1, numbersMessage("numbers.errors.rules_required"))
    .max(MAX_HOURS_RULES, numbersMessage("numbers.errors.rules_too_many", { max: MAX_HOURS_RULES })),
});
export type BusinessHoursFields = z.input<typeof BusinessHoursFields>;

export const BusinessHoursId = z.object({ id: id() });
export const BusinessHoursUpdateInput = z.object({ id: id(), data: BusinessHoursFields });
export type BusinessHoursUpdateInput = z.input<typeof BusinessHoursUpdateInput>;

export const BusinessHoursOutput = z.object({
  id: z.string(),
  name: z.string(),
  timezone: z.string(),
  rules: z.array(BusinessHoursRule),
  usedBy: z.array(z.string()),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type BusinessHoursOutput = z.infer<typeof BusinessHoursOutput>;

// ---------------------------------------------------------------- DID routes

export const DESTINATION_TYPES = ["extension", "ring_group", "trunk", "unavailable"] as const;
export type DestinationType = (typeof DESTINATION_TYPES)[number];

/** Flat (type + target id) rather than a union, so a form edits it field by field. */
export const DidDestination = z
  .object({
    type: z.enum(DESTINATION_TYPES, { message: messageKey("invalid_option") }),
    targetId: id().nullable().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.type !== "unavailable" && !value.targetId) {
      ctx.addIssue({ code: "custom", path: ["targetId"], message: numbersMessage(`numbers.errors.target_required_${value.type}`) });
    }
  })
  .transform((value) => ({ type: value.type, targetId: value.type === "unavailable" ? null : value.targetId! }));
export type DidDestinationInput = z.input<typeof DidDestination>;
export type DidDestination = z.output<typeof DidDestination>;

export const DidRouteInput = z
  .object({
    didId: id(),
    destination: DidDestination,
    /** Set: `destination` while open, `afterHours` otherwise. */
    businessHoursId: id().nullable().optional(),
    afterHours: DidDestination.nullable().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.businessHoursId && !value.afterHours) {
      ctx.addIssue({ code: "custom", path: ["afterHours", "type"], message: numbersMessage("numbers.errors.after_hours_required") });
    }
  })
  // Without hours an after-hours destination would never be used: drop it rather than store it.
  .transform((value) => ({
    didId: value.didId,
    destination: value.destination,
    businessHoursId: value.businessHoursId ?? null,
    afterHours: value.businessHoursId ? value.afterHours! : null,
  }));
export type DidRouteInput = z.input<typeof DidRouteInput>;

export const DidId = z.object({ didId: id() });

export const DidListInput = z.object({
  /** Digits anywhere in the number. */
  search: z
    .string()
    .trim()
    .max(20, messageKey("too_long", { max: 20 }))
    .transform((v) => v.replace(/\D/g, ""))
    .optional(),
  /** The last number of the previous page (keyset: numbers are unique). */
  cursor: z.string().max(16).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type DidListInput = z.input<typeof DidListInput>;

export const DestinationOutput = z.object({
  type: z.enum(DESTINATION_TYPES),
  targetId: z.string().nullable(),
  /** "1001 · Ana Souza", the group's or trunk's name; null for "unavailable". */
  label: z.string().nullable(),
});
export type DestinationOutput = z.infer<typeof DestinationOutput>;

export const TenantDidOutput = z.object({
  id: z.string(),
  /** E.164, as the inventory stores it. */
  number: z.string(),
  /** Formatted for Brazil: "(11) 3000-0001". */
  display: z.string(),
  allocatedAt: z.date().nullable(),
  /** Null: not routed yet, the caller hears the "unavailable" announcement. */
  route: z
    .object({
      destination: DestinationOutput,
      businessHours: z.object({ id: z.string(), name: z.string(), timezone: z.string(), rules: z.array(BusinessHoursRule) }).nullable(),
      afterHours: DestinationOutput.nullable(),
      updatedAt: z.date(),
    })
    .nullable(),
});
export type TenantDidOutput = z.infer<typeof TenantDidOutput>;

export const TenantDidPage = z.object({ items: z.array(TenantDidOutput), nextCursor: z.string().nullable(), total: z.number() });
export type TenantDidPage = z.infer<typeof TenantDidPage>;

export const DestinationOptions = z.object({
  extensions: z.array(ExtensionOption),
  ringGroups: z.array(z.object({ id: z.string(), name: z.string() })),
  trunks: z.array(z.object({ id: z.string(), name: z.string(), operatorManaged: z.boolean(), enabled: z.boolean() })),
  businessHours: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type DestinationOptions = z.infer<typeof DestinationOptions>;
