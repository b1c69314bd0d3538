import { describe, expect, it } from "vitest";
import { ownerQuery } from "@/server/testing/owner-db";
import { listTenants } from "./list-tenants";

describe("listTenants (operator console, through withAdmin)", () => {
  it("sees every tenant's members and leads, as the database counts them", async () => {
    const expected = await ownerQuery<{ slug: string; members: number; leads: number }>(`
      SELECT t.slug,
        (SELECT count(*)::int FROM "Membership" m WHERE m."tenantId" = t.id) AS members,
        (SELECT count(*)::int FROM "Lead" l WHERE l."tenantId" = t.id) AS leads
      FROM "Tenant" t WHERE t.slug = 'globex'`); // other test files add acme rows concurrently
    const tenants = await listTenants();
    expect(expected[0]!.leads).toBeGreaterThan(0);
    expect(tenants.find((t) => t.slug === "globex")).toMatchObject({ plan: "Starter", status: "active", ...expected[0] });
    expect(tenants.find((t) => t.slug === "acme")?.leads).toBeGreaterThan(0);
  });
});
