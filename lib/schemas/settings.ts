import { z } from "zod";
import { messageKey } from "@/lib/i18n";
import { isValidCnpj, normalizeCnpj } from "@/lib/cnpj";
import type { settingsPtBR } from "@/lib/i18n/dictionaries/settings.pt-BR";
import type { PlanFeature } from "./plan";

export const MEMBER_ROLES = ["owner", "admin", "manager", "rep"] as const;
export type MemberRoleName = (typeof MEMBER_ROLES)[number];
export const MemberRole = z.enum(MEMBER_ROLES, { message: messageKey("invalid_option") });

/** The plan feature that lets API keys work; tenantProcedure checks the same string. */
export const API_ACCESS_FEATURE: PlanFeature = "api_access";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

export type SettingsErrorKey = keyof (typeof settingsPtBR)["errors"];

/** A message key of the settings area's own errors ("settings.errors.last_owner"), translated like messageKey's. */
export function settingsMessage(code: SettingsErrorKey, params?: Record<string, string | number>): string {
  const query = params ? `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` : "";
  return `settings.errors.${code}${query}`;
}

const id = z.uuid({ message: messageKey("invalid_id") });
export const SettingsId = z.object({ id });

function requiredText(max: number) {
  return z
    .string({ message: messageKey("required") })
    .trim()
    .min(1, messageKey("required"))
    .max(max, messageKey("too_long", { max }));
}

const email = z
  .string({ message: messageKey("required") })
  .trim()
  .min(1, messageKey("required"))
  .max(254, messageKey("too_long", { max: 254 }))
  .refine((value) => z.email().safeParse(value).success, messageKey("invalid_email"))
  .transform((value) => value.toLowerCase());

const optionalEmail = z
  .string()
  .trim()
  .max(254, messageKey("too_long", { max: 254 }))
  .transform((value, ctx) => {
    if (value === "") return null;
    if (!z.email().safeParse(value).success) {
      ctx.addIssue({ code: "custom", message: messageKey("invalid_email") });
      return z.NEVER;
    }
    return value.toLowerCase();
  })
  .nullable();

const optionalCnpj = z
  .string()
  .trim()
  .max(20, messageKey("too_long", { max: 20 }))
  .transform((value, ctx) => {
    if (value === "") return null;
    if (!isValidCnpj(value)) {
      ctx.addIssue({ code: "custom", message: messageKey("invalid_cnpj") });
      return z.NEVER;
    }
    return normalizeCnpj(value);
  })
  .nullable();

// ---------------------------------------------------------------- company

export const CompanyUpdateInput = z.object({
  name: requiredText(120),
  cnpj: optionalCnpj,
  contactEmail: optionalEmail,
});
export type CompanyUpdateInput = z.input<typeof CompanyUpdateInput>;

export const CompanyOutput = z.object({
  slug: z.string(),
  name: z.string(),
  cnpj: z.string().nullable(),
  contactEmail: z.string().nullable(),
});
export type CompanyOutput = z.infer<typeof CompanyOutput>;

// ---------------------------------------------------------------- plan & usage

const Usage = z.object({ used: z.number().int(), limit: z.number().int() });
export const PlanOverview = z.object({
  plan: z.object({
    code: z.string(),
    name: z.string(),
    /** Decimal as text ("599.00"): money never travels as a float. */
    monthlyPrice: z.string(),
    maxConcurrentCalls: z.number().int(),
    features: z.array(z.string()),
  }),
  usage: z.object({ users: Usage, extensions: Usage, dids: Usage }),
});
export type PlanOverview = z.infer<typeof PlanOverview>;

// ---------------------------------------------------------------- members

export const MemberOutput = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: MemberRole,
  createdAt: z.date(),
  /** Leads this member owns: they must go somewhere when the member is removed. */
  leadCount: z.number().int(),
  isSelf: z.boolean(),
});
export type MemberOutput = z.infer<typeof MemberOutput>;

export const MemberRoleChangeInput = z.object({ id, role: MemberRole });
export type MemberRoleChangeInput = z.input<typeof MemberRoleChangeInput>;

export const MemberRemoveInput = z.object({
  id,
  /** Who takes over the member's leads; null leaves them unassigned. */
  reassignLeadsTo: id.nullable().default(null),
});
export type MemberRemoveInput = z.input<typeof MemberRemoveInput>;

// ---------------------------------------------------------------- invitations

export const InvitationCreateInput = z.object({
  email,
  name: requiredText(120),
  role: MemberRole,
});
export type InvitationCreateInput = z.input<typeof InvitationCreateInput>;

export const InvitationOutput = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: MemberRole,
  createdAt: z.date(),
  expiresAt: z.date(),
  expired: z.boolean(),
  invitedBy: z.string().nullable(),
});
export type InvitationOutput = z.infer<typeof InvitationOutput>;

/** Only the token's hash is stored, so the link exists only in this answer. */
export const InvitationWithLink = z.object({ invitation: InvitationOutput, link: z.string() });
export type InvitationWithLink = z.infer<typeof InvitationWithLink>;

const invitationToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, messageKey("invalid_input"));

/** The accept form's fields; the server decides from the invitation whether name/confirmation are needed. */
export const InvitationAcceptInput = z.object({
  token: invitationToken,
  name: z
    .string()
    .trim()
    .max(120, messageKey("too_long", { max: 120 }))
    .optional(),
  password: z
    .string({ message: messageKey("required") })
    .min(1, messageKey("required"))
    .max(PASSWORD_MAX, messageKey("too_long", { max: PASSWORD_MAX })),
  passwordConfirm: z.string().max(PASSWORD_MAX).optional(),
});
export type InvitationAcceptInput = z.input<typeof InvitationAcceptInput>;

/** The new-account form: name, a password of at least 8 characters, typed twice. */
export const NewAccountFields = z
  .object({
    name: requiredText(120),
    password: z
      .string()
      .min(PASSWORD_MIN, messageKey("too_short", { min: PASSWORD_MIN }))
      .max(PASSWORD_MAX, messageKey("too_long", { max: PASSWORD_MAX })),
    passwordConfirm: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: settingsMessage("password_mismatch") });
export type NewAccountFields = z.input<typeof NewAccountFields>;

export const ExistingAccountFields = z.object({
  password: z
    .string()
    .min(1, messageKey("required"))
    .max(PASSWORD_MAX, messageKey("too_long", { max: PASSWORD_MAX })),
});
export type ExistingAccountFields = z.input<typeof ExistingAccountFields>;

export const INVITATION_FAILURES = [
  "invalid",
  "expired",
  "revoked",
  "used",
  "already_member",
  "wrong_password",
  "locked",
  "account_exists",
  "workspace_unavailable",
] as const;
export type InvitationFailure = (typeof INVITATION_FAILURES)[number];

/** POST /api/invitations/accept's answer; failures are 200 with a reason so the form can show it. */
export type InvitationAcceptResult =
  | { ok: true; redirectTo: string }
  | {
      ok: false;
      error: InvitationFailure | "forbidden" | "invalid_input";
      params?: Record<string, number>;
      fieldErrors?: Record<string, string[]>;
    };

// ---------------------------------------------------------------- API keys

export const ApiKeyCreateInput = z.object({ name: requiredText(80) });
export type ApiKeyCreateInput = z.input<typeof ApiKeyCreateInput>;

export const ApiKeyOutput = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.date(),
  createdBy: z.string().nullable(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
export type ApiKeyOutput = z.infer<typeof ApiKeyOutput>;

export const ApiKeyList = z.object({ apiAccess: z.boolean(), items: z.array(ApiKeyOutput) });
export type ApiKeyList = z.infer<typeof ApiKeyList>;

/** `key` is the full secret: returned once, never stored (only its SHA-256). */
export const ApiKeyCreated = z.object({ apiKey: ApiKeyOutput, key: z.string() });
export type ApiKeyCreated = z.infer<typeof ApiKeyCreated>;

// ---------------------------------------------------------------- audit log

const filterText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, messageKey("too_long", { max }))
    .transform((v) => v || undefined)
    .optional();

export const SettingsAuditListInput = z
  .object({
    cursor: id.nullish(),
    limit: z.number().int().min(1).max(100).default(25),
    action: filterText(80),
    objectType: filterText(40),
    actor: filterText(254),
    from: z.date().optional(),
    to: z.date().optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["to"], message: settingsMessage("date_range") });
export type SettingsAuditListInput = z.input<typeof SettingsAuditListInput>;

export const SettingsAuditEntry = z.object({
  id: z.string(),
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
export type SettingsAuditEntry = z.infer<typeof SettingsAuditEntry>;

export const SettingsAuditPage = z.object({ items: z.array(SettingsAuditEntry), nextCursor: z.string().nullable() });
export type SettingsAuditPage = z.infer<typeof SettingsAuditPage>;
