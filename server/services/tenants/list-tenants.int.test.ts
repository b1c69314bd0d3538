import { describe, expect, it } from "vitest";
import { withAdmin } from "@/server/db";
import { ownerQuery } from "@/server/testing/owner-db";
import { listTenants } from "./list-tenants";

describe("listTenants (operator console, through withAdmin)", () => {
  it("sees every tenant's usage, as the database counts it", async () => {
    const [expected] = await ownerQuery<{ slug: string; users: number; extensions: number; dids: number }>(`
      SELECT t.slug,
        (SELECT count(*)::int FROM "Membership" m WHERE m."tenantId" = t.id) AS users,
        (SELECT count(*)::int FROM "Extension" e WHERE e."tenantId" = t.id) AS extensions,
        (SELECT count(*)::int FROM "Did" d WHERE d."tenantId" = t.id) AS dids
      FROM "Tenant" t WHERE t.slug = 'globex'`); // other test files add acme rows concurrently
    const page = await withAdmin((db) => listTenants(db, { limit: 100, search: "globex" }));
    expect(page.items.find((t) => t.slug === "globex")).toMatchObject({
      plan: { name: "Starter" },
      status: "active",
      callsThisMonth: null,
      lastActivityAt: expect.any(Date),
      ...expected,
    });
  });

  it("through the app's own role (no console role) sees no tenant's usage rows", async () => {
    // Without `SET ROLE linha_admin` RLS hides every tenant-owned row: counts come back as zero,
    // which is why the console runs this under withAdmin and never under withTenant.
    const { platformDb } = await import("@/server/db");
    const page = await platformDb().$transaction((db) => listTenants(db, { limit: 100, search: "acme" }));
    expect(page.items.find((t) => t.slug === "acme")).toMatchObject({ users: 0 });
  });
});
