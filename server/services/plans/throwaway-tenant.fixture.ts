import { randomUUID } from "node:crypto";
import { hashPassword } from "@/server/services/auth/password";
import { ownerQuery } from "@/server/testing/owner-db";

// Test arrangement only (imported by *.int.test.ts): a tenant, plan and users of its own per test,
// written as the tables' owner, so parallel test files never see each other's state.

export type PlanTerms = { maxUsers?: number; maxExtensions?: number; maxDids?: number; maxConcurrentCalls?: number; features?: string[] };

export function uniqueCode(prefix = "t"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function insertPlan(terms: PlanTerms = {}): Promise<{ id: string; code: string }> {
  const code = uniqueCode("plan");
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Plan" (id, code, name, "monthlyPrice", "maxUsers", "maxExtensions", "maxDids", "maxConcurrentCalls", features, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 99.90, $3, $4, $5, $6, $7, now()) RETURNING id`,
    [
      code,
      `Plan ${code}`,
      terms.maxUsers ?? 10,
      terms.maxExtensions ?? 10,
      terms.maxDids ?? 10,
      terms.maxConcurrentCalls ?? 2,
      terms.features ?? [],
    ],
  );
  return { id: row!.id, code };
}

export async function insertTenant(planId: string): Promise<{ id: string; slug: string; name: string }> {
  const slug = uniqueCode("t");
  const name = `Tenant ${slug}`;
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Tenant" (id, slug, name, "planId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now()) RETURNING id`,
    [slug, name, planId],
  );
  return { id: row!.id, slug, name };
}

// One scrypt hash for every throw-away user: hashing per user would dominate the tests' time.
let passwordHash: Promise<string> | undefined;

export async function insertMember(
  tenantId: string,
  role: "owner" | "admin" | "manager" | "rep",
): Promise<{ email: string; userId: string; membershipId: string }> {
  const email = `${uniqueCode("u")}@throwaway.test`;
  const [user] = await ownerQuery<{ id: string }>(
    `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now()) RETURNING id`,
    [email, `User ${email}`, await (passwordHash ??= hashPassword("linha-demo"))],
  );
  const [membership] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Membership" (id, "tenantId", "userId", role) VALUES (gen_random_uuid(), $1, $2, $3) RETURNING id`,
    [tenantId, user!.id, role],
  );
  return { email, userId: user!.id, membershipId: membership!.id };
}

/** Extensions written behind the app's back (the secret is not a sealed one: never revealed). */
export async function insertExtensions(tenantId: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await ownerQuery(
      `INSERT INTO "Extension" (id, "tenantId", number, name, "secretEnc", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, 'x', now())`,
      [tenantId, String(1000 + i), `Ext ${i}`],
    );
  }
}

export async function insertPendingInvitation(tenantId: string): Promise<void> {
  await ownerQuery(
    `INSERT INTO "Invitation" (id, "tenantId", email, role, "tokenHash", "expiresAt")
     VALUES (gen_random_uuid(), $1, $2, 'rep', encode(sha256(gen_random_uuid()::text::bytea), 'hex'), now() + interval '7 days')`,
    [tenantId, `${uniqueCode("inv")}@throwaway.test`],
  );
}
