import { randomUUID } from "node:crypto";
import { randomSecret, sealSecret } from "@/server/crypto/secret-box";
import { ownerQuery } from "@/server/testing/owner-db";

// Throw-away PBX nodes, tenants and extensions for the sync's integration tests: test files run in
// parallel on one database, so every row here is new and uniquely named, and no demo row is touched.

const appSecret = () => process.env.APP_SECRET!;

export async function makePbxNode(
  ami: { host: string; port: number } = { host: "127.0.0.1", port: 1 },
): Promise<{ id: string; name: string }> {
  const name = `pbx-${randomUUID().slice(0, 8)}`;
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "PbxNode" (id, name, "amiHost", "amiPort", "amiUser", "amiSecretEnc", "configDir", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, 'admin', $4, '/etc/asterisk/linha', now()) RETURNING id`,
    [name, ami.host, ami.port, sealSecret("secret", appSecret())],
  );
  return { id: row!.id, name };
}

export async function pointNodeAt(nodeId: string, ami: { host: string; port: number }): Promise<void> {
  await ownerQuery(`UPDATE "PbxNode" SET "amiHost" = $2, "amiPort" = $3 WHERE id = $1`, [nodeId, ami.host, ami.port]);
}

export async function makePlan(features: string[] = []): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Plan" (id, code, name, "monthlyPrice", "maxUsers", "maxExtensions", "maxDids", "maxConcurrentCalls", features, "updatedAt")
     VALUES (gen_random_uuid(), $1, 'PBX test plan', 0, 20, 50, 20, 4, $2, now()) RETURNING id`,
    [`p-${randomUUID().slice(0, 8)}`, features],
  );
  return row!.id;
}

export async function makeTenantOnNode(nodeId: string | null, planId?: string): Promise<{ id: string; slug: string; host: string }> {
  const slug = `t-${randomUUID().slice(0, 8)}`;
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Tenant" (id, slug, name, "planId", "pbxNodeId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, now()) RETURNING id`,
    [slug, `Empresa ${slug}`, planId ?? (await makePlan()), nodeId],
  );
  return { id: row!.id, slug, host: `${slug}.localhost:3000` };
}

export async function addExtensions(tenantId: string, numbers: string[]): Promise<void> {
  for (const number of numbers) {
    await ownerQuery(
      `INSERT INTO "Extension" (id, "tenantId", number, name, "secretEnc", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, now())`,
      [tenantId, number, `Ramal ${number}`, sealSecret(randomSecret(), appSecret())],
    );
  }
}

export async function makeUser(name = "PBX Test User"): Promise<{ id: string; email: string }> {
  const email = `pbx-${randomUUID().slice(0, 8)}@example.test`;
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'x', now()) RETURNING id`,
    [email, name],
  );
  return { id: row!.id, email };
}

export async function addMember(tenantId: string, userId: string, role: "owner" | "admin" | "manager" | "rep"): Promise<void> {
  await ownerQuery(`INSERT INTO "Membership" (id, "tenantId", "userId", role) VALUES (gen_random_uuid(), $1, $2, $3)`, [
    tenantId,
    userId,
    role,
  ]);
}

export type SyncRow = {
  id: string;
  status: string;
  trigger: string;
  reason: string | null;
  changedFiles: string[];
  diff: string | null;
  output: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export async function syncRows(nodeId: string): Promise<SyncRow[]> {
  return ownerQuery<SyncRow>(
    `SELECT id, status, trigger, reason, "changedFiles", diff, output, "startedAt", "finishedAt" FROM "PbxSync" WHERE "pbxNodeId" = $1 ORDER BY "queuedAt", id`,
    [nodeId],
  );
}

export async function nodeRow(nodeId: string): Promise<{ configChecksum: string | null; pendingReload: string[] }> {
  const [row] = await ownerQuery<{ configChecksum: string | null; pendingReload: string[] }>(
    `SELECT "configChecksum", "pendingReload" FROM "PbxNode" WHERE id = $1`,
    [nodeId],
  );
  return row!;
}

/** Polls until `check` returns a value (or fails after timeoutMs). */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
