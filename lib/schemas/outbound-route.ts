import { z } from "zod";
import { messageKey, type MessageKey, type Params } from "@/lib/i18n";
import { CALLER_ID_NUMBER_PATTERN, PREPEND_PATTERN, ROUTE_NAME_PATTERN } from "@/lib/telephony/allow-list";
import { parseDialPattern, type DialPatternError } from "@/lib/telephony/dial-pattern";

// Outbound routes of the operator console. Every value of a route is written into
// extensions_routes.conf (context names, `exten =>` patterns, Dial strings), so none of them is
// trimmed of anything but plain spaces: a newline or `;` at either end is refused, not cleaned.

export const ROUTE_MAX_GATEWAYS = 5;
export const ROUTE_MAX_STRIP = 20;
export const ROUTE_MAX_PRIORITY = 100_000;
/** Priorities the reorder writes: gaps leave room for a route created between two others. */
export const ROUTE_PRIORITY_STEP = 10;

/** A message of the routes area ("routes.errors.name_taken?…"), translated like messageKey's. */
export function routesMessage(key: Extract<MessageKey, `routes.${string}`>, params?: Params): string {
  const query = params ? `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` : "";
  return `${key}${query}`;
}

/** The parser's reason for refusing a pattern, as a message key. */
export function dialPatternMessage(error: DialPatternError): string {
  return routesMessage(`routes.errors.pattern.${error}`);
}

// Only ASCII spaces around a value are forgiven; anything else must pass the allow-list as typed.
const spacesTrimmed = z.string({ message: messageKey("required") }).transform((v) => v.replace(/^ +| +$/g, ""));

const id = z.uuid({ message: messageKey("invalid_id") });

export const RouteName = spacesTrimmed.pipe(
  z
    .string()
    .min(1, { message: messageKey("required"), abort: true })
    .max(40, { message: messageKey("too_long", { max: 40 }), abort: true })
    .regex(ROUTE_NAME_PATTERN, routesMessage("routes.errors.invalid_name")),
);

export const DialPattern = spacesTrimmed.pipe(
  z
    .string()
    .min(1, { message: messageKey("required"), abort: true })
    .superRefine((value, ctx) => {
      const parsed = parseDialPattern(value);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: dialPatternMessage(parsed.error) });
    }),
);

/** Empty = none (null). */
function optionalAllowListed(pattern: RegExp, message: string) {
  return z
    .string()
    .transform((v) => v.replace(/^ +| +$/g, ""))
    .transform((v) => (v === "" ? null : v))
    .pipe(z.string().regex(pattern, message).nullable())
    .nullable()
    .optional()
    .transform((v) => v ?? null);
}

function integer(min: number, max: number, message: string) {
  return z.union([z.number(), z.string()], { message: messageKey("required") }).transform((value, ctx) => {
    const text = String(value).trim();
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return Number(text);
  });
}

export const RouteGatewayIds = z
  .array(id, { message: routesMessage("routes.errors.gateways_required") })
  .min(1, routesMessage("routes.errors.gateways_required"))
  .max(ROUTE_MAX_GATEWAYS, routesMessage("routes.errors.gateways_max", { max: ROUTE_MAX_GATEWAYS }))
  .refine((ids) => new Set(ids).size === ids.length, routesMessage("routes.errors.gateways_duplicate"));

const routeFieldShape = {
  name: RouteName,
  pattern: DialPattern,
  /** Lower first. Left out on create: after the last route of its scope. */
  priority: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    integer(0, ROUTE_MAX_PRIORITY, routesMessage("routes.errors.invalid_priority", { max: ROUTE_MAX_PRIORITY })).optional(),
  ),
  stripDigits: integer(0, ROUTE_MAX_STRIP, routesMessage("routes.errors.invalid_strip", { max: ROUTE_MAX_STRIP })).default(0),
  prepend: optionalAllowListed(PREPEND_PATTERN, routesMessage("routes.errors.invalid_prepend")),
  callerIdNumber: optionalAllowListed(CALLER_ID_NUMBER_PATTERN, routesMessage("routes.errors.invalid_caller_id")),
  enabled: z.boolean().default(true),
  /** Gateways in failover order. */
  gatewayIds: RouteGatewayIds,
};

/** The editable fields of a route (its scope is fixed when it is created). */
export const RouteFields = z.object(routeFieldShape);
export type RouteFields = z.input<typeof RouteFields>;
export type RouteFieldsOutput = z.output<typeof RouteFields>;

/** tenantId null = the operator's route for every tenant; set = that tenant's override. */
export const RouteCreateInput = z.object({ ...routeFieldShape, tenantId: id.nullable().default(null) });
export type RouteCreateInput = z.input<typeof RouteCreateInput>;

export const RouteUpdateInput = z.object({ id, data: RouteFields });
export type RouteUpdateInput = z.input<typeof RouteUpdateInput>;

export const RouteId = z.object({ id });

export const RouteSetEnabledInput = z.object({ id, enabled: z.boolean() });

/** Which routes: undefined = every scope, null = the operator's only, an id = that tenant's overrides. */
export const RouteListInput = z.object({ tenantId: id.nullish() }).default({});
export type RouteListInput = z.input<typeof RouteListInput>;

/** The whole scope in its new order: a list that no longer matches the scope is refused. */
export const RouteReorderInput = z.object({
  tenantId: id.nullable(),
  ids: z.array(id).min(1).max(1000),
});
export type RouteReorderInput = z.input<typeof RouteReorderInput>;

/** A number as people type it ("+55 (11) 99999-0000"): separators are dropped before matching. */
export const RouteTestNumber = z
  .string({ message: messageKey("required") })
  .transform((v) => v.replace(/[ ().-]/g, ""))
  .pipe(
    z
      .string()
      .min(1, { message: messageKey("required"), abort: true })
      .regex(/^\+?[0-9*#]{1,32}$/, routesMessage("routes.errors.invalid_test_number")),
  );

export const RouteTestInput = z.object({ number: RouteTestNumber, tenantId: id.nullish() });
export type RouteTestInput = z.input<typeof RouteTestInput>;

// ---------------------------------------------------------------- outputs

const TenantRef = z.object({ id: z.string(), name: z.string(), slug: z.string() });

export const RouteGatewayOutput = z.object({
  id: z.string(),
  name: z.string(),
  techPrefix: z.string().nullable(),
  position: z.number().int(),
});

export const RouteOutput = z.object({
  id: z.string(),
  tenant: TenantRef.extend({ overridesAllowed: z.boolean() }).nullable(),
  name: z.string(),
  pattern: z.string(),
  priority: z.number().int(),
  stripDigits: z.number().int(),
  prepend: z.string().nullable(),
  callerIdNumber: z.string().nullable(),
  enabled: z.boolean(),
  gateways: z.array(RouteGatewayOutput),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type RouteOutput = z.infer<typeof RouteOutput>;

/** Tenants for the scope picker: whether their plan lets them have overrides, and how many they have. */
export const RouteTenantOption = TenantRef.extend({ overridesAllowed: z.boolean(), overrides: z.number().int() });
export type RouteTenantOption = z.infer<typeof RouteTenantOption>;

export const ROUTE_SCOPES = ["tenant", "operator"] as const;
/** Why a route whose pattern matched was not the one used. */
export const ROUTE_LOSS_REASONS = ["lower_priority", "disabled", "plan_without_overrides"] as const;
export type RouteLossReason = (typeof ROUTE_LOSS_REASONS)[number];

const RouteSummary = z.object({
  id: z.string(),
  name: z.string(),
  pattern: z.string(),
  priority: z.number().int(),
  scope: z.enum(ROUTE_SCOPES),
});

export const RouteTestOutput = z.object({
  /** The number as matched (separators dropped). */
  number: z.string(),
  tenant: TenantRef.extend({ overridesAllowed: z.boolean() }).nullable(),
  selected: z
    .object({
      route: RouteSummary,
      stripDigits: z.number().int(),
      prepend: z.string().nullable(),
      callerIdNumber: z.string().nullable(),
      /** What reaches the gateways after strip and prepend (before each gateway's tech prefix). */
      dialled: z.string(),
      gateways: z.array(z.object({ id: z.string(), name: z.string(), position: z.number().int(), dialString: z.string() })),
    })
    .nullable(),
  /** Routes whose pattern matched the number too, in the order Asterisk would try them, and why they lost. */
  others: z.array(RouteSummary.extend({ reason: z.enum(ROUTE_LOSS_REASONS) })),
});
export type RouteTestOutput = z.infer<typeof RouteTestOutput>;
