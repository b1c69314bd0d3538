import type { z } from "zod";
import {
  API_ACCESS_FEATURE,
  settingsMessage,
  type ApiKeyCreated,
  type ApiKeyCreateInput,
  type ApiKeyList,
  type ApiKeyOutput,
} from "@/lib/schemas/settings";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import type { AuditEntry } from "@/server/services/audit/record-audit";
import { generateApiKey } from "./generate-api-key";

type Audit = (entry: Omit<AuditEntry, "tenantId">) => Promise<void>;

const apiKeySelect = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  createdByUserId: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;
type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  createdByUserId: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

async function toOutputs(db: TenantDb, rows: ApiKeyRow[]): Promise<ApiKeyOutput[]> {
  const creatorIds = [...new Set(rows.map((r) => r.createdByUserId).filter((v): v is string => v !== null))];
  const creators = creatorIds.length ? await db.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(creators.map((u) => [u.id, u.name]));
  return rows.map(({ createdByUserId, ...row }) => ({ ...row, createdBy: createdByUserId ? (names.get(createdByUserId) ?? null) : null }));
}

export async function planHasApiAccess(db: TenantDb, tenantId: string): Promise<boolean> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { plan: { select: { features: true } } } });
  return tenant.plan.features.includes(API_ACCESS_FEATURE);
}

/** Every key of the tenant, active first, newest first. A tenant has few keys: no pagination. */
export async function listApiKeys(db: TenantDb, tenantId: string): Promise<ApiKeyList> {
  const [apiAccess, rows] = await Promise.all([
    planHasApiAccess(db, tenantId),
    db.apiKey.findMany({
      select: apiKeySelect,
      orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "desc" }],
    }),
  ]);
  return { apiAccess, items: await toOutputs(db, rows) };
}

/**
 * Creates a key and returns it in full this once. Refused when the plan lacks API access (a key
 * would not authenticate anyway). The audit entry names the key by id and prefix, never the key.
 * A prefix collision (62^8 values, unique across tenants) fails the insert rather than retrying:
 * the transaction cannot continue after a constraint error, and the odds are negligible.
 */
export async function createApiKey(
  db: TenantDb,
  tenantId: string,
  createdByUserId: string | null,
  input: z.output<typeof ApiKeyCreateInput>,
  audit: Audit,
): Promise<ApiKeyCreated> {
  if (!(await planHasApiAccess(db, tenantId))) throw new AppError("FORBIDDEN", settingsMessage("plan_lacks_api"));
  const { key, prefix, keyHash } = generateApiKey();
  const row = await db.apiKey.create({ data: { tenantId, name: input.name, prefix, keyHash, createdByUserId }, select: apiKeySelect });
  await audit({ action: "api_key.create", objectType: "api_key", objectId: row.id, after: { name: row.name, prefix: row.prefix } });
  const [apiKey] = await toOutputs(db, [row]);
  return { apiKey: apiKey!, key };
}

/** Revoking takes effect on the next request: tenantProcedure refuses a key with revokedAt set. */
export async function revokeApiKey(db: TenantDb, id: string, audit: Audit): Promise<ApiKeyOutput> {
  const existing = await db.apiKey.findUnique({ where: { id }, select: apiKeySelect });
  if (!existing) throw new AppError("NOT_FOUND", settingsMessage("api_key_not_found"));
  if (existing.revokedAt) throw new AppError("CONFLICT", settingsMessage("api_key_revoked"));
  const row = await db.apiKey.update({ where: { id }, data: { revokedAt: new Date() }, select: apiKeySelect });
  await audit({
    action: "api_key.revoke",
    objectType: "api_key",
    objectId: id,
    before: { name: existing.name, prefix: existing.prefix, revokedAt: null },
    after: { name: row.name, prefix: row.prefix, revokedAt: row.revokedAt },
  });
  const [apiKey] = await toOutputs(db, [row]);
  return apiKey!;
}
