import { PrismaPg } from "@prisma/adapter-pg";
import { inject } from "vitest";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "../generated/client";
import { openSecret } from "../../server/crypto/secret-box";
import { insertMember, insertPlan, insertTenant } from "../../server/services/plans/throwaway-tenant.fixture";
import { ownerQuery } from "../../server/testing/owner-db";
import { seedTelephonyExtensions } from "./telephony-extensions";

const APP_SECRET = "seed-test-app-secret-0123456789abcdef";

describe("seedTelephonyExtensions", () => {
  it("numbers members from 1001 in the given order, seals their secrets, and is idempotent", async () => {
    const plan = await insertPlan();
    const tenant = await insertTenant(plan.id);
    const members = [await insertMember(tenant.id, "admin"), await insertMember(tenant.id, "rep"), await insertMember(tenant.id, "rep")];
    const memberships = members.map((m, i) => ({ id: m.membershipId, role: i === 0 ? ("admin" as const) : ("rep" as const) }));
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("ownerUrl") }) });
    try {
      const run = () =>
        db.$transaction(async (tx) => {
          await tx.$executeRaw`SET LOCAL ROLE linha_admin`;
          await seedTelephonyExtensions(tx, tenant.id, "acme", memberships, APP_SECRET);
        });
      await run();
      await run();
    } finally {
      await db.$disconnect();
    }
    const rows = await ownerQuery<{ number: string; membershipId: string; secretEnc: string }>(
      `SELECT number, "membershipId", "secretEnc" FROM "Extension" WHERE "tenantId" = $1 ORDER BY number`,
      [tenant.id],
    );
    expect(rows.map((r) => [r.number, r.membershipId])).toEqual(members.map((m, i) => [String(1001 + i), m.membershipId]));
    for (const row of rows) expect(openSecret(row.secretEnc, APP_SECRET)).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const trunks = await ownerQuery(`SELECT name, "authMode", host FROM "Trunk" WHERE "tenantId" = $1`, [tenant.id]);
    expect(trunks).toEqual([{ name: "matriz", authMode: "ip", host: "203.0.113.10" }]);
  });
});
