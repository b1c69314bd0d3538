import { z } from "zod";
import { messageKey } from "@/lib/i18n";
import { isValidSlug, RESERVED_SLUGS } from "@/lib/host";
import { optionalCnpj as cnpj, optionalEmail } from "./fields";

export const TENANT_STATUSES = ["active", "suspended", "archived"] as const;
export const TenantStatus = z.enum(TENANT_STATUSES, { message: messageKey("invalid_option") });
export type TenantStatus = z.infer<typeof TenantStatus>;

const id = z.uuid({ message: messageKey("invalid_id") });
/** An id the form picks from a list: nothing picked is "required", not "invalid". */
const pickedId = z.uuid({ error: (issue) => messageKey(issue.input === "" || issue.input === undefined ? "required" : "invalid_id") });

// The slug is the tenant's subdomain and the prefix of its PBX endpoints (`<slug>_<ext>`), so it
// must pass lib/host's allow-list; it is chosen once and never changes.
export const TenantSlug = z
  .string({ message: messageKey("required") })
  .trim()
  .min(1, messageKey("required"))
  .max(32, messageKey("too_long", { max: 32 }))
  .superRefine((slug, ctx) => {
    if (slug === "" || slug.length > 32) return; // already reported above
    if (RESERVED_SLUGS.has(slug)) ctx.addIssue({ code: "custom", message: "console.errors.slug_reserved" });
    else if (!isValidSlug(slug)) ctx.addIssue({ code: "custom", message: "console.errors.slug_invalid" });
  });

function requiredText(max: number) {
  return z
    .string({ message: messageKey("required") })
    .trim()
    .min(1, messageKey("required"))
    .max(max, messageKey("too_long", { max }));
}

const requiredEmail = z
  .string({ message: messageKey("required") })
  .trim()
  .max(254, messageKey("too_long", { max: 254 }))
  .transform((value, ctx) => {
    if (!z.email().safeParse(value).success) {
      ctx.addIssue({ code: "custom", message: messageKey(value === "" ? "required" : "invalid_email") });
      return z.NEVER;
    }
    return value.toLowerCase();
  });

/** The fields an operator can change after creation (the slug is not one of them). */
export const TenantFields = z.object({
  name: requiredText(120),
  cnpj,
  contactEmail: optionalEmail,
  planId: pickedId,
  pbxNodeId: pickedId.nullable().optional(),
});

export const TenantCreateInput = TenantFields.extend({
  slug: TenantSlug,
  ownerName: requiredText(120),
  ownerEmail: requiredEmail,
});
export type TenantCreateInput = z.input<typeof TenantCreateInput>;

export const TenantUpdateInput = z.object({ id, data: TenantFields.partial() });
export type TenantUpdateInput = z.input<typeof TenantUpdateInput>;

export const TenantId = z.object({ id });

export const OwnerInvitationInput = z.object({ id, name: requiredText(120), email: requiredEmail });
export type OwnerInvitationInput = z.input<typeof OwnerInvitationInput>;

/** `status` unset = active and suspended: archived tenants are listed only when asked for. */
export const TenantListInput = z.object({
  cursor: id.nullish(),
  limit: z.number().int().min(1).max(100).default(25),
  search: z
    .string()
    .trim()
    .max(100, messageKey("too_long", { max: 100 }))
    .optional(),
  status: z.union([TenantStatus, z.literal("all")]).optional(),
});
export type TenantListInput = z.input<typeof TenantListInput>;

export const TenantListItem = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  cnpj: z.string().nullable(),
  status: TenantStatus,
  plan: z.object({ id: z.string(), name: z.string() }),
  users: z.number().int(),
  extensions: z.number().int(),
  dids: z.number().int(),
  /** Always null until calls are recorded (no Call table yet); the UI shows "—". */
  callsThisMonth: z.number().int(),
  lastActivityAt: z.date().nullable(),
  /** No history yet (see server/services/tenants/delete-tenant.ts): the console offers delete, else archive. */
  deletable: z.boolean(),
  createdAt: z.date(),
});
export type TenantListItem = z.infer<typeof TenantListItem>;

export const TenantPage = z.object({
  items: z.array(TenantListItem),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});
export type TenantPage = z.infer<typeof TenantPage>;

const Usage = z.object({ used: z.number().int(), limit: z.number().int() });

export const OwnerInvitationOutput = z.object({
  email: z.string(),
  name: z.string().nullable(),
  expiresAt: z.date(),
  acceptedAt: z.date().nullable(),
  expired: z.boolean(),
});

export const TenantDetail = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  cnpj: z.string().nullable(),
  contactEmail: z.string().nullable(),
  status: TenantStatus,
  suspendedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  plan: z.object({ id: z.string(), name: z.string(), archived: z.boolean() }),
  pbxNode: z.object({ id: z.string(), name: z.string() }).nullable(),
  usage: z.object({ users: Usage, extensions: Usage, dids: Usage }),
  counts: z.object({ members: z.number().int(), leads: z.number().int() }),
  owners: z.array(z.object({ name: z.string(), email: z.string() })),
  /** The newest owner invitation, accepted or not, so the console can offer a new link. */
  ownerInvitation: OwnerInvitationOutput.nullable(),
  /** See server/services/tenants/delete-tenant.ts for the rule. */
  deletable: z.boolean(),
});
export type TenantDetail = z.infer<typeof TenantDetail>;

export const InvitationLink = z.object({ email: z.string(), url: z.string(), expiresAt: z.date() });
export type InvitationLink = z.infer<typeof InvitationLink>;

export const TenantCreateOutput = z.object({
  tenant: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  invitation: InvitationLink,
});
export type TenantCreateOutput = z.infer<typeof TenantCreateOutput>;

export const TenantOptions = z.object({
  plans: z.array(z.object({ id: z.string(), name: z.string(), monthlyPrice: z.string(), archived: z.boolean() })),
  pbxNodes: z.array(z.object({ id: z.string(), name: z.string(), status: z.string() })),
});
export type TenantOptions = z.infer<typeof TenantOptions>;

export const SupportSessionOutput = z.object({ url: z.string(), expiresAt: z.date() });

// ---------------------------------------------------------------- console audit log

const ACTION_PREFIX = /^[a-z0-9_.]*$/;

export const AuditListInput = z
  .object({
    cursor: id.nullish(),
    limit: z.number().int().min(1).max(100).default(50),
    tenantId: id.optional(),
    action: z
      .string()
      .trim()
      .max(80, messageKey("too_long", { max: 80 }))
      .regex(ACTION_PREFIX, "console.errors.action_prefix_invalid")
      .optional(),
    objectType: z
      .string()
      .trim()
      .max(40, messageKey("too_long", { max: 40 }))
      .optional(),
    actor: z
      .string()
      .trim()
      .max(254, messageKey("too_long", { max: 254 }))
      .optional(),
    from: z.date({ message: "console.errors.date_invalid" }).optional(),
    to: z.date({ message: "console.errors.date_invalid" }).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "console.errors.date_range", path: ["to"] });
export type AuditListInput = z.input<typeof AuditListInput>;

export const AuditEntry = z.object({
  id: z.string(),
  tenant: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  actorKind: z.string(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  ip: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  createdAt: z.date(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;
