import { TRPCError } from "@trpc/server";
import { randomInt, randomUUID } from "node:crypto";
import { serverEnv } from "@/lib/env";
import { sealSecret } from "@/server/crypto/secret-box";
import { insertMember, insertPlan, insertTenant } from "@/server/services/plans/throwaway-tenant.fixture";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery } from "@/server/testing/owner-db";

// Test arrangement only (imported by the extensions and trunks routers' *.int.test.ts): tenants,
// DIDs, DID routes and PBX nodes of their own, written as the tables' owner, so parallel test
// files never see each other's state.

export type Caller = Awaited<ReturnType<typeof callerFor>>;
export type TelephonyTenant = Awaited<ReturnType<typeof telephonyTenant>>;

export async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/** A tenant on a plan of its own, with an admin, a manager and a rep who can sign in, and a support session. */
export async function telephonyTenant(maxExtensions = 10) {
  const plan = await insertPlan({ maxExtensions });
  const tenant = await insertTenant(plan.id);
  const host = `${tenant.slug}.localhost:3000`;
  const member = async (role: "admin" | "manager" | "rep") => {
    const m = await insertMember(tenant.id, role);
    return { ...m, caller: await callerFor(m.email, host) };
  };
  return {
    ...tenant,
    planId: plan.id,
    host,
    admin: await member("admin"),
    manager: await member("manager"),
    rep: await member("rep"),
    support: await callerFor("root@linha.local", host, `support:${tenant.slug}`),
  };
}

let providerId: Promise<string> | undefined;

function testProvider(): Promise<string> {
  providerId ??= ownerQuery<{ id: string }>(
    `INSERT INTO "Provider" (id, name, "updatedAt") VALUES (gen_random_uuid(), $1, now()) RETURNING id`,
    [`telephony-test-${randomUUID().slice(0, 8)}`],
  ).then((rows) => rows[0]!.id);
  return providerId;
}

/** A DID allocated to the tenant (random, so parallel files never collide on the global unique number). */
export async function allocateDid(tenantId: string): Promise<{ id: string; number: string }> {
  const number = `+55119${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Did" (id, number, "providerId", status, "tenantId", "allocatedAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'allocated', $3, now(), now()) RETURNING id`,
    [number, await testProvider(), tenantId],
  );
  return { id: row!.id, number };
}

/** Routes a DID of the tenant to an extension or a trunk, as the numbers page would. */
export async function routeDid(tenantId: string, didId: string, to: { extensionId: string } | { trunkId: string }): Promise<void> {
  const [type, column, id] = "extensionId" in to ? ["extension", "extensionId", to.extensionId] : ["trunk", "trunkId", to.trunkId];
  await ownerQuery(
    `INSERT INTO "DidRoute" (id, "tenantId", "didId", "destType", "${column}", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3::"DidDestinationType", $4, now())`,
    [tenantId, didId, type, id],
  );
}

/** A PBX node whose AMI is at host:port (user `linha`, the given secret), assigned to the tenant. */
export async function assignPbxNode(tenantId: string, ami: { host: string; port: number; secret: string }): Promise<string> {
  const [node] = await ownerQuery<{ id: string }>(
    `INSERT INTO "PbxNode" (id, name, "amiHost", "amiPort", "amiUser", "amiSecretEnc", "configDir", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, 'linha', $4, '/tmp/linha-test-asterisk', now()) RETURNING id`,
    [`pbx-${randomUUID().slice(0, 8)}`, ami.host, ami.port, sealSecret(ami.secret, serverEnv().APP_SECRET)],
  );
  await ownerQuery(`UPDATE "Tenant" SET "pbxNodeId" = $1 WHERE id = $2`, [node!.id, tenantId]);
  return node!.id;
}

export async function auditOf(objectType: string, objectId: string) {
  return ownerQuery<{ action: string; tenantId: string; actorKind: string; actorEmail: string; before: unknown; after: unknown }>(
    `SELECT action, "tenantId", "actorKind", "actorEmail", before, after FROM "AuditLog" WHERE "objectType" = $1 AND "objectId" = $2 ORDER BY "createdAt", id`,
    [objectType, objectId],
  );
}

/** The field names of a zod (BAD_REQUEST) or AppError failure, to assert on which field was refused. */
export function failedFields(error: TRPCError): string[] {
  const cause = error.cause as { issues?: { path: PropertyKey[] }[]; details?: { fieldErrors?: Record<string, string[]> } } | undefined;
  if (cause?.issues) return cause.issues.map((i) => i.path.map(String).join("."));
  return Object.keys(cause?.details?.fieldErrors ?? {});
}

/** The messages of a zod failure, as message keys. */
export function issueMessages(error: TRPCError): string[] {
  const cause = error.cause as { issues?: { message: string }[] } | undefined;
  return cause?.issues?.map((i) => i.message) ?? [];
}
