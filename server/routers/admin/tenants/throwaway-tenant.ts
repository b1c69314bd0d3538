import { randomUUID } from "node:crypto";
import { hashPassword } from "@/server/services/auth/password";
import { ownerQuery } from "@/server/testing/owner-db";

// Test factories for the console's tests: tenants, plans and users of their own, created behind
// the app's back (as the tables' owner), so no test changes the demo tenants other files use.

export const TEST_PASSWORD = "throwaway-password";

export function uniqueSlug(prefix = "t"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function createPlan(
  options: { features?: string[]; maxUsers?: number; maxExtensions?: number; maxDids?: number; archived?: boolean } = {},
): Promise<{ id: string; name: string }> {
  const code = uniqueSlug("plan");
  const [plan] = await ownerQuery<{ id: string; name: string }>(
    `INSERT INTO "Plan" (id, code, name, "monthlyPrice", "maxUsers", "maxExtensions", "maxDids", "maxConcurrentCalls", features, "archivedAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 99, $3, $4, $5, 2, $6, $7, now()) RETURNING id, name`,
    [
      code,
      `Plan ${code}`,
      options.maxUsers ?? 10,
      options.maxExtensions ?? 10,
      options.maxDids ?? 10,
      options.features ?? [],
      options.archived ? new Date() : null,
    ],
  );
  return plan!;
}

export async function createUser(options: { isSuperAdmin?: boolean; email?: string } = {}): Promise<{ id: string; email: string }> {
  const email = options.email ?? `${uniqueSlug("user")}@example.test`;
  const [user] = await ownerQuery<{ id: string; email: string }>(
    `INSERT INTO "User" (id, email, name, "passwordHash", "isSuperAdmin", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'Throwaway User', $2, $3, now()) RETURNING id, email`,
    [email, await hashPassword(TEST_PASSWORD), options.isSuperAdmin ?? false],
  );
  return user!;
}

export type ThrowawayTenant = { id: string; slug: string; name: string; planId: string; member: { id: string; email: string } | null };

/** A tenant of its own (active, on its own plan unless one is given), optionally with an owner member. */
export async function createTenant(
  options: {
    planId?: string;
    name?: string;
    cnpj?: string | null;
    withMember?: boolean;
    status?: "active" | "suspended" | "archived";
  } = {},
): Promise<ThrowawayTenant> {
  const slug = uniqueSlug();
  const planId = options.planId ?? (await createPlan()).id;
  const name = options.name ?? `Throwaway ${slug}`;
  const [tenant] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Tenant" (id, slug, name, cnpj, status, "planId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, now()) RETURNING id`,
    [slug, name, options.cnpj ?? null, options.status ?? "active", planId],
  );
  let member: ThrowawayTenant["member"] = null;
  if (options.withMember) {
    member = await createUser();
    await ownerQuery(`INSERT INTO "Membership" (id, "tenantId", "userId", role) VALUES (gen_random_uuid(), $1, $2, 'owner')`, [
      tenant!.id,
      member.id,
    ]);
  }
  return { id: tenant!.id, slug, name, planId, member };
}

export async function tenantRow(id: string) {
  const [row] = await ownerQuery(`SELECT * FROM "Tenant" WHERE id = $1`, [id]);
  return row;
}

export async function auditEntries(where: { objectId?: string; tenantId?: string; action?: string }) {
  return ownerQuery(
    `SELECT * FROM "AuditLog" WHERE ($1::text IS NULL OR "objectId" = $1) AND ($2::uuid IS NULL OR "tenantId" = $2) AND ($3::text IS NULL OR action = $3)
     ORDER BY "createdAt" DESC, id DESC`,
    [where.objectId ?? null, where.tenantId ?? null, where.action ?? null],
  );
}
