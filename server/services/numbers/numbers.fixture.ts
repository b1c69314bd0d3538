import type { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { getDictionary, translateMessage } from "@/lib/i18n";
import { numberBlock, unique } from "@/server/routers/admin/inventory/inventory-test-kit";
import { insertMember, insertPlan, insertTenant } from "@/server/services/plans/throwaway-tenant.fixture";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery } from "@/server/testing/owner-db";

// Test arrangement only (imported by the numbers routers' *.int.test.ts): a tenant of its own with
// members of every role, extensions, a trunk and allocated DIDs, written as the tables' owner so
// parallel test files never see each other's state.

export type NumbersTenant = Awaited<ReturnType<typeof numbersTenant>>;

let providerId: Promise<string> | undefined;

async function testProvider(): Promise<string> {
  providerId ??= ownerQuery<{ id: string }>(
    `INSERT INTO "Provider" (id, name, "updatedAt") VALUES (gen_random_uuid(), $1, now()) RETURNING id`,
    [unique("numbers-provider")],
  ).then((rows) => rows[0]!.id);
  return providerId;
}

/** DIDs allocated to the tenant, as the operator's console would leave them. */
export async function allocateDids(tenantId: string, count: number): Promise<{ id: string; number: string }[]> {
  const provider = await testProvider();
  const { e164 } = numberBlock(count);
  const out: { id: string; number: string }[] = [];
  for (const number of e164) {
    const [row] = await ownerQuery<{ id: string }>(
      `INSERT INTO "Did" (id, number, "providerId", status, "tenantId", "allocatedAt", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'allocated', $3, now(), now()) RETURNING id`,
      [number, provider, tenantId],
    );
    out.push({ id: row!.id, number });
  }
  return out.sort((a, b) => a.number.localeCompare(b.number));
}

export async function insertExtension(tenantId: string, number: string, name = `Ramal ${number}`): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Extension" (id, "tenantId", number, name, "secretEnc", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, 'x', now()) RETURNING id`,
    [tenantId, number, name],
  );
  return row!.id;
}

export async function insertTrunk(tenantId: string, name = "matriz"): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Trunk" (id, "tenantId", name, "authMode", "ipMatches", host, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'ip', ARRAY['203.0.113.10'], '203.0.113.10', now()) RETURNING id`,
    [tenantId, name],
  );
  return row!.id;
}

export async function insertRingGroup(tenantId: string, name: string, extensionIds: string[]): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "RingGroup" (id, "tenantId", name, "updatedAt") VALUES (gen_random_uuid(), $1, $2, now()) RETURNING id`,
    [tenantId, name],
  );
  for (const [position, extensionId] of extensionIds.entries()) {
    await ownerQuery(`INSERT INTO "RingGroupMember" ("tenantId", "ringGroupId", "extensionId", position) VALUES ($1, $2, $3, $4)`, [
      tenantId,
      row!.id,
      extensionId,
      position,
    ]);
  }
  return row!.id;
}

export async function insertBusinessHours(tenantId: string, name: string): Promise<string> {
  const rules = [{ days: ["mon", "tue", "wed", "thu", "fri"], open: "08:00", close: "18:00" }];
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "BusinessHours" (id, "tenantId", name, rules, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now()) RETURNING id`,
    [tenantId, name, JSON.stringify(rules)],
  );
  return row!.id;
}

/**
 * A tenant with an owner, admin, manager and rep (each with a caller on the tenant's host), a
 * read-only support caller, extensions 1001–1003, a trunk and `dids` allocated numbers.
 */
export async function numbersTenant(dids = 3) {
  const plan = await insertPlan({ maxDids: 50, maxExtensions: 50 });
  const tenant = await insertTenant(plan.id);
  const host = `${tenant.slug}.localhost:3000`;
  const member = async (role: "owner" | "admin" | "manager" | "rep") => {
    const { email, membershipId } = await insertMember(tenant.id, role);
    return { email, membershipId, caller: await callerFor(email, host) };
  };
  const [owner, admin, manager, rep] = [await member("owner"), await member("admin"), await member("manager"), await member("rep")];
  const extensions = [
    await insertExtension(tenant.id, "1001"),
    await insertExtension(tenant.id, "1002"),
    await insertExtension(tenant.id, "1003"),
  ];
  return {
    ...tenant,
    owner,
    admin,
    manager,
    rep,
    support: await callerFor("root@linha.local", host, `support:${tenant.slug}`),
    extensions,
    trunkId: await insertTrunk(tenant.id),
    dids: await allocateDids(tenant.id, dids),
  };
}

export async function auditActions(tenantId: string, objectType: string, objectId: string): Promise<string[]> {
  const rows = await ownerQuery<{ action: string }>(
    `SELECT action FROM "AuditLog" WHERE "tenantId" = $1 AND "objectType" = $2 AND "objectId" = $3 ORDER BY "createdAt", id`,
    [tenantId, objectType, objectId],
  );
  return rows.map((row) => row.action);
}

/** What an English browser reads for a refused call: the first field's message or the error's own. */
export function englishMessage(error: TRPCError): string {
  const message = error.cause instanceof ZodError ? error.cause.issues[0]!.message : error.message;
  return translateMessage(getDictionary("en"), message);
}
