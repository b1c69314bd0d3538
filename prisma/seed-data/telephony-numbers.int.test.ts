import { describe, expect, it } from "vitest";
import type { Prisma } from "@/prisma/generated/client";
import { withAdmin } from "@/server/db";
import { allocateDids } from "@/server/services/numbers/numbers.fixture";
import { insertMember, insertPlan, insertTenant } from "@/server/services/plans/throwaway-tenant.fixture";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery } from "@/server/testing/owner-db";
import { seedTelephonyNumbers } from "./telephony-numbers";

const seed = (tenantId: string) => withAdmin((db) => seedTelephonyNumbers(db as unknown as Prisma.TransactionClient, tenantId));

async function extensionFor(tenantId: string, number: string, membershipId: string | null): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Extension" (id, "tenantId", number, name, "membershipId", "secretEnc", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, 'x', now()) RETURNING id`,
    [tenantId, number, `Ramal ${number}`, membershipId],
  );
  return row!.id;
}

describe("seedTelephonyNumbers", () => {
  it("sets up Comercial hours, the Vendas group and the first two numbers' routes, once", async () => {
    const tenant = await insertTenant((await insertPlan()).id);
    const admin = await insertMember(tenant.id, "admin");
    const [rui, bia] = [await insertMember(tenant.id, "rep"), await insertMember(tenant.id, "rep")];
    const ext1001 = await extensionFor(tenant.id, "1001", admin.membershipId);
    await extensionFor(tenant.id, "1002", null);
    await extensionFor(tenant.id, "1003", rui.membershipId);
    await extensionFor(tenant.id, "1004", bia.membershipId);
    const dids = await allocateDids(tenant.id, 3);

    await seed(tenant.id);
    await seed(tenant.id);

    const caller = await callerFor(admin.email, `${tenant.slug}.localhost:3000`);
    const hours = await caller.telephony.businessHours.list();
    expect(hours).toHaveLength(1);
    expect(hours[0]).toMatchObject({
      name: "Comercial",
      timezone: "America/Sao_Paulo",
      rules: [
        { days: ["mon", "tue", "wed", "thu", "fri"], open: "08:00", close: "18:00" },
        { days: ["sat"], open: "09:00", close: "13:00" },
      ],
    });
    const groups = await caller.telephony.ringGroups.list();
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ name: "Vendas", strategy: "ringall", ringSeconds: 20 });
    expect(groups[0]!.members.map((m) => m.number)).toEqual(["1003", "1004"]);

    const { items } = await caller.telephony.dids.list({});
    expect(items.map((d) => d.id)).toEqual(dids.map((d) => d.id));
    expect(items[0]!.route).toMatchObject({
      destination: { type: "ring_group", targetId: groups[0]!.id },
      businessHours: { name: "Comercial" },
      afterHours: { type: "extension", targetId: ext1001 },
    });
    expect(items[1]!.route?.destination).toMatchObject({ type: "extension", targetId: ext1001 });
    expect(items[2]!.route).toBeNull();

    // A route the tenant changed survives the next seed.
    await caller.telephony.dids.setRoute({ didId: dids[1]!.id, destination: { type: "unavailable" } });
    await seed(tenant.id);
    expect((await caller.telephony.dids.list({})).items[1]!.route?.destination.type).toBe("unavailable");
  });

  it("skips what is missing: no extensions and no numbers leave just the hours", async () => {
    const tenant = await insertTenant((await insertPlan()).id);
    await seed(tenant.id);
    const counts = await ownerQuery<{ hours: number; groups: number; routes: number }>(
      `SELECT (SELECT count(*)::int FROM "BusinessHours" WHERE "tenantId" = $1) AS hours,
              (SELECT count(*)::int FROM "RingGroup" WHERE "tenantId" = $1) AS groups,
              (SELECT count(*)::int FROM "DidRoute" WHERE "tenantId" = $1) AS routes`,
      [tenant.id],
    );
    expect(counts[0]).toEqual({ hours: 1, groups: 0, routes: 0 });
  });
});
