import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type pg from "pg";
import { appClient, ownerPool, ownerQuery, tenantId } from "@/server/testing/owner-db";

/** Tables with a "tenantId" column that lack enabled+forced RLS or a policy. */
async function tablesMissingRls(client: Pick<pg.Pool, "query">): Promise<string[]> {
  const { rows } = await client.query<{ table: string }>(`
    SELECT c.relname AS table
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenantId' AND NOT a.attisdropped
    WHERE c.relkind IN ('r', 'p')
      AND NOT (c.relrowsecurity AND c.relforcerowsecurity
               AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid))
    ORDER BY 1`);
  return rows.map((r) => r.table);
}

describe("row-level security", () => {
  let app: pg.Client;
  let acme: string;
  let globex: string;

  beforeAll(async () => {
    app = await appClient();
    acme = await tenantId("acme");
    globex = await tenantId("globex");
  });
  afterAll(async () => {
    await app.end();
  });

  /** Runs fn as the app role inside a transaction bound to `tenant`, then rolls back. */
  async function asTenant<T>(tenant: string | null, fn: () => Promise<T>): Promise<T> {
    await app.query("BEGIN");
    try {
      if (tenant) await app.query("SELECT set_config('app.tenant_id', $1, true)", [tenant]);
      return await fn();
    } finally {
      await app.query("ROLLBACK");
    }
  }

  it("every table with a tenantId column has RLS enabled, forced and a policy", async () => {
    const tables = await ownerQuery<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenantId'`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["Lead", "Membership"]));
    expect(await tablesMissingRls(ownerPool())).toEqual([]);
  });

  it("the RLS check catches a new tenant table that forgot it", async () => {
    const client = await ownerPool().connect();
    try {
      await client.query("BEGIN");
      await client.query(`CREATE TABLE "RlsCanary" (id int, "tenantId" uuid)`);
      expect(await tablesMissingRls(client)).toEqual(["RlsCanary"]);
      await client.query(`ALTER TABLE "RlsCanary" ENABLE ROW LEVEL SECURITY`);
      expect(await tablesMissingRls(client)).toEqual(["RlsCanary"]);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });

  it("the app connects as a role that is neither superuser, BYPASSRLS nor owner of any table", async () => {
    const { rows } = await app.query(
      `SELECT current_user AS name, rolsuper, rolbypassrls, rolinherit FROM pg_roles WHERE rolname = current_user`,
    );
    // NOINHERIT: the console role it may switch to grants it nothing until it does switch.
    expect(rows[0]).toEqual({ name: "linha_app", rolsuper: false, rolbypassrls: false, rolinherit: false });
    const owned = await app.query(`SELECT relname FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`);
    expect(owned.rows).toEqual([]);
  });

  it("SELECT without any WHERE sees only the current tenant's rows", async () => {
    const [expected] = await ownerQuery<{ acme: number; globex: number }>(
      `SELECT count(*) FILTER (WHERE "tenantId" = $1)::int AS acme, count(*) FILTER (WHERE "tenantId" = $2)::int AS globex FROM "Lead"`,
      [acme, globex],
    );
    expect(expected!.globex).toBeGreaterThan(0);
    const rows = await asTenant(acme, async () => (await app.query(`SELECT "tenantId" FROM "Lead"`)).rows);
    expect(rows).toHaveLength(expected!.acme);
    expect(rows.filter((r) => r.tenantId === globex)).toHaveLength(0);
    const members = await asTenant(acme, async () => (await app.query(`SELECT "tenantId" FROM "Membership"`)).rows);
    expect(members.length).toBeGreaterThan(0);
    expect(members.every((m) => m.tenantId === acme)).toBe(true);
  });

  it("without a tenant set, no tenant rows are visible at all", async () => {
    expect((await asTenant(null, () => app.query(`SELECT 1 FROM "Lead"`))).rowCount).toBe(0);
    expect((await asTenant(null, () => app.query(`SELECT 1 FROM "Membership"`))).rowCount).toBe(0);
  });

  it("UPDATE and DELETE without WHERE never touch another tenant's rows", async () => {
    const globexBefore = await ownerQuery(`SELECT id, notes FROM "Lead" WHERE "tenantId" = $1 ORDER BY id`, [globex]);
    await asTenant(acme, async () => {
      const updatedGlobex = await app.query(`UPDATE "Lead" SET notes = 'hijacked' WHERE "tenantId" = $1`, [globex]);
      expect(updatedGlobex.rowCount).toBe(0);
      const deletedGlobex = await app.query(`DELETE FROM "Lead" WHERE "tenantId" = $1`, [globex]);
      expect(deletedGlobex.rowCount).toBe(0);
      const updatedAll = await app.query(`UPDATE "Lead" SET notes = 'mine'`);
      const acmeCount = (await app.query(`SELECT count(*)::int AS n FROM "Lead"`)).rows[0].n;
      expect(updatedAll.rowCount).toBe(acmeCount);
      const deletedAll = await app.query(`DELETE FROM "Lead"`);
      expect(deletedAll.rowCount).toBe(acmeCount);
    });
    expect(await ownerQuery(`SELECT id, notes FROM "Lead" WHERE "tenantId" = $1 ORDER BY id`, [globex])).toEqual(globexBefore);
  });

  it("INSERT of a row for another tenant is refused by the policy", async () => {
    await expect(
      asTenant(acme, () =>
        app.query(`INSERT INTO "Lead" (id, "tenantId", name, "updatedAt") VALUES (gen_random_uuid(), $1, 'x', now())`, [globex]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("moving a row to another tenant is refused by the policy", async () => {
    await expect(asTenant(acme, () => app.query(`UPDATE "Lead" SET "tenantId" = $1`, [globex]))).rejects.toThrow(/row-level security/);
  });

  it("a lead's owner must be a membership of the same tenant (foreign key)", async () => {
    const [globexMember] = await ownerQuery<{ id: string }>(`SELECT id FROM "Membership" WHERE "tenantId" = $1 LIMIT 1`, [globex]);
    await expect(
      ownerQuery(`INSERT INTO "Lead" (id, "tenantId", name, "ownerId", "updatedAt") VALUES (gen_random_uuid(), $1, 'x', $2, now())`, [
        acme,
        globexMember!.id,
      ]),
    ).rejects.toThrow(/foreign key/);
  });

  it("the tenant column defaults to the current tenant", async () => {
    const row = await asTenant(
      acme,
      async () =>
        (await app.query(`INSERT INTO "Lead" (id, name, "updatedAt") VALUES (gen_random_uuid(), 'Default', now()) RETURNING "tenantId"`))
          .rows[0],
    );
    expect(row.tenantId).toBe(acme);
  });

  it("the app role cannot read the migrations table", async () => {
    await expect(app.query(`SELECT * FROM "_prisma_migrations"`)).rejects.toThrow(/permission denied/);
  });

  it("the console's role sees every tenant, and only after switching to it", async () => {
    const [counts] = await ownerQuery<{ n: number }>(`SELECT count(DISTINCT "tenantId")::int AS n FROM "Lead"`);
    const tenants = await asTenant(null, async () => {
      await app.query("SET LOCAL ROLE linha_admin");
      return (await app.query(`SELECT count(DISTINCT "tenantId")::int AS n FROM "Lead"`)).rows[0].n;
    });
    expect(tenants).toBe(counts!.n);
    expect(tenants).toBeGreaterThanOrEqual(2);
  });

  it("the tenant policy is an index condition, not a filter over every tenant's rows", async () => {
    const plan = await asTenant(acme, async () => {
      await app.query("SET LOCAL enable_seqscan = off");
      const { rows } = await app.query(`EXPLAIN SELECT id FROM "Lead" ORDER BY "createdAt" DESC, id DESC LIMIT 25`);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toMatch(/Index Cond: \("tenantId" = /);
  });
});
