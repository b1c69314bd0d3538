import { describe, expect, it } from "vitest";
import { withAdmin } from "@/server/db";
import { ownerQuery } from "@/server/testing/owner-db";
import { insertPlan, insertTenant } from "@/server/services/plans/throwaway-tenant.fixture";
import { listTenants } from "./list-tenants";

describe("listTenants (operator console, through withAdmin)", () => {
  it("sees every tenant's usage, as the database counts it", async () => {
    const [expected] = await ownerQuery<{ slug: string; users: number; extensions: number; dids: number; callsThisMonth: number }>(`
      SELECT t.slug,
        (SELECT count(*)::int FROM "Call" c WHERE c."tenantId" = t.id
          AND c."startedAt" >= date_trunc('month', now() AT TIME ZONE 'America/Sao_Paulo') AT TIME ZONE 'America/Sao_Paulo') AS "callsThisMonth",
        (SELECT count(*)::int FROM "Membership" m WHERE m."tenantId" = t.id) AS users,
        (SELECT count(*)::int FROM "Extension" e WHERE e."tenantId" = t.id) AS extensions,
        (SELECT count(*)::int FROM "Did" d WHERE d."tenantId" = t.id) AS dids
      FROM "Tenant" t WHERE t.slug = 'globex'`); // other test files add acme rows concurrently
    const page = await withAdmin((db) => listTenants(db, { limit: 100, search: "globex" }));
    expect(page.items.find((t) => t.slug === "globex")).toMatchObject({
      plan: { name: "Starter" },
      status: "active",
      lastActivityAt: expect.any(Date),
      ...expected,
    });
  });

  it("counts calls from the first day of the month in São Paulo, and a tenant with calls is not deletable", async () => {
    const tenant = await insertTenant((await insertPlan()).id);
    const monthStart = `date_trunc('month', now() AT TIME ZONE 'America/Sao_Paulo') AT TIME ZONE 'America/Sao_Paulo'`;
    const insertCall = (startedAt: string) =>
      ownerQuery(
        `INSERT INTO "Call" (id, "tenantId", direction, state, "startedAt", "endedAt", "updatedAt")
         VALUES (gen_random_uuid(), $1, 'outbound', 'ended', ${startedAt}, ${startedAt}, now())`,
        [tenant.id],
      );
    const before = await withAdmin((db) => listTenants(db, { limit: 10, search: tenant.slug }));
    expect(before.items[0]).toMatchObject({ callsThisMonth: 0, deletable: true });
    await insertCall(monthStart);
    await insertCall(`${monthStart} + interval '1 hour'`);
    await insertCall(`${monthStart} - interval '1 millisecond'`); // last day of the previous month
    const after = await withAdmin((db) => listTenants(db, { limit: 10, search: tenant.slug }));
    expect(after.items[0]).toMatchObject({ callsThisMonth: 2, deletable: false });
  });

  it("through the app's own role (no console role) sees no tenant's usage rows", async () => {
    // Without `SET ROLE linha_admin` RLS hides every tenant-owned row: counts come back as zero,
    // which is why the console runs this under withAdmin and never under withTenant.
    const { platformDb } = await import("@/server/db");
    const page = await platformDb().$transaction((db) => listTenants(db, { limit: 100, search: "acme" }));
    expect(page.items.find((t) => t.slug === "acme")).toMatchObject({ users: 0 });
  });
});
