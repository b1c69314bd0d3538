import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "@/server/crypto/secret-box";
import { API_KEY_PATTERN } from "@/server/services/api-keys/generate-api-key";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery, tenantId } from "@/server/testing/owner-db";
import { apiKeyCaller, auditActions, makeWorkspace, memberCaller, trpcError, type Caller } from "./settings-fixtures";

async function addLead(tenant: string, name: string): Promise<void> {
  await ownerQuery(`INSERT INTO "Lead" (id, "tenantId", name, "updatedAt") VALUES (gen_random_uuid(), $1, $2, now())`, [tenant, name]);
}

describe("settings.apiKeys", () => {
  let ws: Awaited<ReturnType<typeof makeWorkspace>>;
  let admin: Caller;
  let manager: Caller;
  let rep: Caller;

  beforeAll(async () => {
    ws = await makeWorkspace({ features: ["api_access"] });
    admin = (await memberCaller(ws.tenant, "admin")).caller;
    manager = (await memberCaller(ws.tenant, "manager")).caller;
    rep = (await memberCaller(ws.tenant, "rep")).caller;
    await addLead(ws.tenant.id, "Lead via API");
  });

  it("creates a key shown once in full; stores only prefix and SHA-256 of the whole key; audits without the key", async () => {
    const since = new Date();
    const { apiKey, key } = await admin.settings.apiKeys.create({ name: "ERP" });
    expect(key).toMatch(API_KEY_PATTERN);
    expect(key.startsWith(`lk_${apiKey.prefix}_`)).toBe(true);
    expect(apiKey).toMatchObject({ name: "ERP", lastUsedAt: null, revokedAt: null });
    const [row] = await ownerQuery(`SELECT prefix, "keyHash" FROM "ApiKey" WHERE id = $1`, [apiKey.id]);
    expect(row).toEqual({ prefix: apiKey.prefix, keyHash: sha256Hex(key) });
    const entries = await auditActions(ws.tenant.id, since);
    expect(entries).toEqual([
      expect.objectContaining({ action: "api_key.create", objectId: apiKey.id, after: { name: "ERP", prefix: apiKey.prefix } }),
    ]);
    expect(JSON.stringify(entries)).not.toContain(key.slice(`lk_${apiKey.prefix}_`.length)); // the secret may itself contain "_"
    const list = await admin.settings.apiKeys.list();
    expect(list.apiAccess).toBe(true);
    expect(list.items.find((k) => k.id === apiKey.id)).toMatchObject({ prefix: apiKey.prefix, name: "ERP" });
    expect(JSON.stringify(list)).not.toContain(key);
  });

  it("a key authenticates leads.list through `Authorization: Bearer` on its tenant's host, and records its last use", async () => {
    const { apiKey, key } = await admin.settings.apiKeys.create({ name: "Integration" });
    const api = apiKeyCaller(ws.tenant.host, key);
    const page = await api.leads.list({});
    expect(page.items.map((l) => l.name)).toEqual(["Lead via API"]);
    const [row] = await ownerQuery(`SELECT "lastUsedAt" FROM "ApiKey" WHERE id = $1`, [apiKey.id]);
    expect(row!.lastUsedAt).toBeInstanceOf(Date);
    // The key is the tenant's only: on another tenant's host it is nobody.
    expect((await trpcError(apiKeyCaller("acme.localhost:3000", key).leads.list({}))).code).toBe("UNAUTHORIZED");
    // A key cannot manage keys (it acts as a manager) nor mint new ones.
    expect((await trpcError(api.settings.apiKeys.list())).code).toBe("FORBIDDEN");
    expect((await trpcError(api.settings.apiKeys.create({ name: "Self-made" }))).code).toBe("FORBIDDEN");
    // A mangled key is nobody.
    expect((await trpcError(apiKeyCaller(ws.tenant.host, `${key}x`).leads.list({}))).code).toBe("UNAUTHORIZED");
  });

  it("a revoked key stops working at once; revoking is audited, and twice is a CONFLICT", async () => {
    const { apiKey, key } = await admin.settings.apiKeys.create({ name: "Short-lived" });
    const api = apiKeyCaller(ws.tenant.host, key);
    await api.leads.list({});
    const since = new Date();
    const revoked = await admin.settings.apiKeys.revoke({ id: apiKey.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect((await trpcError(api.leads.list({}))).code).toBe("UNAUTHORIZED");
    expect(await auditActions(ws.tenant.id, since)).toEqual([expect.objectContaining({ action: "api_key.revoke", objectId: apiKey.id })]);
    expect((await trpcError(admin.settings.apiKeys.revoke({ id: apiKey.id }))).code).toBe("CONFLICT");
  });

  it("a key stops working while its tenant is suspended", async () => {
    const other = await makeWorkspace({ features: ["api_access"] });
    const { key } = await other.owner.caller.settings.apiKeys.create({ name: "Suspended soon" });
    const api = apiKeyCaller(other.tenant.host, key);
    await api.leads.list({});
    await ownerQuery(`UPDATE "Tenant" SET status = 'suspended', "suspendedAt" = now() WHERE id = $1`, [other.tenant.id]);
    const error = await trpcError(api.leads.list({}));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toBe("errors.workspace_suspended");
    await ownerQuery(`UPDATE "Tenant" SET status = 'active', "suspendedAt" = NULL WHERE id = $1`, [other.tenant.id]);
    expect((await api.leads.list({})).total).toBe(0);
  });

  it("without the plan's api_access feature: keys stop working, none can be created, the list says so", async () => {
    const other = await makeWorkspace({ features: ["api_access"] });
    const { apiKey, key } = await other.owner.caller.settings.apiKeys.create({ name: "Plan downgrade" });
    const api = apiKeyCaller(other.tenant.host, key);
    await api.leads.list({});
    await ownerQuery(`UPDATE "Plan" SET features = '{monitoring}' WHERE id = $1`, [other.planId]);
    expect((await trpcError(api.leads.list({}))).code).toBe("UNAUTHORIZED");
    const create = await trpcError(other.owner.caller.settings.apiKeys.create({ name: "Another" }));
    expect(create.code).toBe("FORBIDDEN");
    expect(create.message).toBe("settings.errors.plan_lacks_api");
    const list = await other.owner.caller.settings.apiKeys.list();
    expect(list).toMatchObject({ apiAccess: false, items: [{ id: apiKey.id }] });
    // Existing keys can still be revoked.
    await other.owner.caller.settings.apiKeys.revoke({ id: apiKey.id });
  });

  it("globex's demo plan (Starter) has no api_access: its admin cannot create keys", async () => {
    const gil = await callerFor("gil@globex.test", "globex.localhost:3000");
    expect((await gil.settings.apiKeys.list()).apiAccess).toBe(false);
    expect((await trpcError(gil.settings.apiKeys.create({ name: "Nope" }))).code).toBe("FORBIDDEN");
  });

  it("reps and managers get FORBIDDEN from every apiKeys procedure", async () => {
    const { apiKey } = await admin.settings.apiKeys.create({ name: "Guarded" });
    for (const caller of [rep, manager]) {
      expect((await trpcError(caller.settings.apiKeys.list())).code).toBe("FORBIDDEN");
      expect((await trpcError(caller.settings.apiKeys.create({ name: "Mine" }))).code).toBe("FORBIDDEN");
      expect((await trpcError(caller.settings.apiKeys.revoke({ id: apiKey.id }))).code).toBe("FORBIDDEN");
    }
    const [row] = await ownerQuery(`SELECT "revokedAt" FROM "ApiKey" WHERE id = $1`, [apiKey.id]);
    expect(row!.revokedAt).toBeNull();
  });

  it("a support session may list keys but never create one (it would reveal a secret)", async () => {
    const support = await callerFor("root@linha.local", ws.tenant.host, `support:${ws.tenant.slug}`);
    expect((await support.settings.apiKeys.list()).items.length).toBeGreaterThan(0);
    expect((await trpcError(support.settings.apiKeys.create({ name: "Support" }))).code).toBe("FORBIDDEN");
  });

  it("another tenant's key is NOT_FOUND and keeps working; lists never show it", async () => {
    const { apiKey, key } = await admin.settings.apiKeys.create({ name: "Not yours" });
    const gil = await callerFor("gil@globex.test", "globex.localhost:3000");
    expect((await trpcError(gil.settings.apiKeys.revoke({ id: apiKey.id }))).code).toBe("NOT_FOUND");
    expect((await gil.settings.apiKeys.list()).items.some((k) => k.id === apiKey.id)).toBe(false);
    expect((await apiKeyCaller(ws.tenant.host, key).leads.list({})).total).toBe(1);
    const globexKeys = await ownerQuery(`SELECT id FROM "ApiKey" WHERE "tenantId" = $1`, [await tenantId("globex")]);
    expect((await gil.settings.apiKeys.list()).items).toHaveLength(globexKeys.length);
  });

  it("a name is required and at most 80 characters", async () => {
    expect((await trpcError(admin.settings.apiKeys.create({ name: "  " }))).code).toBe("BAD_REQUEST");
    expect((await trpcError(admin.settings.apiKeys.create({ name: "x".repeat(81) }))).code).toBe("BAD_REQUEST");
  });
});
