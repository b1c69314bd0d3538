import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { parseHost } from "@/lib/host";
import type { MemberRole } from "@/prisma/generated/client";
import { hashPassword } from "@/server/services/auth/password";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery } from "@/server/testing/owner-db";
import { createCaller } from "@/server/trpc/root";

// Throw-away plans, tenants and users for the settings tests: test files run in parallel against
// one database, so nothing here touches the acme/globex demo rows.

export const TEST_PASSWORD = "correct horse battery";

export type Caller = Awaited<ReturnType<typeof callerFor>>;

export async function makePlan(limits: { maxUsers?: number; features?: string[] } = {}): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Plan" (id, code, name, "monthlyPrice", "maxUsers", "maxExtensions", "maxDids", "maxConcurrentCalls", features, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 349.90, $3, 10, 5, 4, $4, now()) RETURNING id`,
    [`p-${randomUUID().slice(0, 8)}`, "Test plan", limits.maxUsers ?? 10, limits.features ?? []],
  );
  return row!.id;
}

export async function makeTenant(planId: string): Promise<{ id: string; slug: string; host: string }> {
  const slug = `t-${randomUUID().slice(0, 8)}`;
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Tenant" (id, slug, name, "planId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now()) RETURNING id`,
    [slug, `Empresa ${slug}`, planId],
  );
  return { id: row!.id, slug, host: `${slug}.localhost:3000` };
}

let passwordHash: Promise<string> | undefined;

export async function makeUser(name = "Test User"): Promise<{ id: string; email: string }> {
  const email = `u-${randomUUID().slice(0, 8)}@example.test`;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now()) RETURNING id`,
    [email, name, await passwordHash],
  );
  return { id: row!.id, email };
}

export async function addMember(tenantId: string, userId: string, role: MemberRole): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Membership" (id, "tenantId", "userId", role) VALUES (gen_random_uuid(), $1, $2, $3) RETURNING id`,
    [tenantId, userId, role],
  );
  return row!.id;
}

/** A new user who is a member of the tenant with `role`, and a caller signed in as them on its host. */
export async function memberCaller(tenant: { id: string; host: string }, role: MemberRole, name?: string) {
  const user = await makeUser(name);
  const membershipId = await addMember(tenant.id, user.id, role);
  return { user, membershipId, caller: await callerFor(user.email, tenant.host) };
}

/** A tenant on its own plan with an owner; the usual starting point. */
export async function makeWorkspace(limits: { maxUsers?: number; features?: string[] } = {}) {
  const planId = await makePlan(limits);
  const tenant = await makeTenant(planId);
  const owner = await memberCaller(tenant, "owner", "Olga Owner");
  return { planId, tenant, owner };
}

/** The router as an HTTP request with `Authorization: Bearer <key>` and no session runs it. */
export function apiKeyCaller(host: string, apiKey: string) {
  return createCaller({
    target: parseHost(host, "localhost"),
    session: null,
    locale: "en",
    ip: "127.0.0.1",
    apiKey,
    origin: "http://localhost:3000",
  });
}

export async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

export async function auditActions(
  tenantId: string,
  since: Date,
): Promise<{ action: string; objectId: string | null; before: unknown; after: unknown; actorEmail: string | null }[]> {
  return ownerQuery(
    `SELECT action, "objectId", before, after, "actorEmail" FROM "AuditLog" WHERE "tenantId" = $1 AND "createdAt" >= $2 ORDER BY "createdAt", id`,
    [tenantId, since],
  );
}
