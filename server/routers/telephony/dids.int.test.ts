import { beforeAll, describe, expect, it } from "vitest";
import { blamedFields, rootCaller, trpcError } from "@/server/routers/admin/inventory/inventory-test-kit";
import {
  auditActions,
  englishMessage,
  insertBusinessHours,
  insertExtension,
  insertRingGroup,
  insertTrunk,
  numbersTenant,
  type NumbersTenant,
} from "@/server/services/numbers/numbers.fixture";
import { ownerQuery } from "@/server/testing/owner-db";

type RouteRow = {
  destType: string;
  extensionId: string | null;
  ringGroupId: string | null;
  trunkId: string | null;
  businessHoursId: string | null;
  afterType: string | null;
  afterExtensionId: string | null;
  afterRingGroupId: string | null;
  afterTrunkId: string | null;
};

async function routeRow(didId: string): Promise<RouteRow | null> {
  const [row] = await ownerQuery<RouteRow>(
    `SELECT "destType", "extensionId", "ringGroupId", "trunkId", "businessHoursId", "afterType", "afterExtensionId", "afterRingGroupId", "afterTrunkId"
     FROM "DidRoute" WHERE "didId" = $1`,
    [didId],
  );
  return row ?? null;
}

describe("telephony.dids", () => {
  let acme: NumbersTenant;
  let other: NumbersTenant;
  let otherRingGroup: string;
  let otherHours: string;

  beforeAll(async () => {
    [acme, other] = await Promise.all([numbersTenant(3), numbersTenant(1)]);
    otherRingGroup = await insertRingGroup(other.id, "Vendas", [other.extensions[0]!]);
    otherHours = await insertBusinessHours(other.id, "Comercial");
  });

  it("lists the tenant's own numbers, formatted for Brazil, unrouted at first", async () => {
    const page = await acme.admin.caller.telephony.dids.list({});
    expect(page.total).toBe(3);
    expect(page.items.map((d) => d.number)).toEqual(acme.dids.map((d) => d.number));
    expect(page.items[0]!.display).toMatch(/^\(\d{2}\) \d{4}-\d{4}$/);
    expect(page.items.every((d) => d.route === null)).toBe(true);
    // Never another tenant's number.
    expect(page.items.map((d) => d.id)).not.toContain(other.dids[0]!.id);
  });

  it("pages by number and searches by digits", async () => {
    const first = await acme.manager.caller.telephony.dids.list({ limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBe(acme.dids[1]!.number);
    const second = await acme.manager.caller.telephony.dids.list({ limit: 2, cursor: first.nextCursor });
    expect(second.items.map((d) => d.id)).toEqual([acme.dids[2]!.id]);
    expect(second.nextCursor).toBeNull();
    const last4 = acme.dids[2]!.number.slice(-4);
    const found = await acme.manager.caller.telephony.dids.list({ search: `${last4.slice(0, 2)}-${last4.slice(2)}` });
    expect(found.items.map((d) => d.id)).toContain(acme.dids[2]!.id);
  });

  it("routes a number to an extension, audits it, and shows the destination", async () => {
    const did = acme.dids[0]!;
    const result = await acme.admin.caller.telephony.dids.setRoute({
      didId: did.id,
      destination: { type: "extension", targetId: acme.extensions[0] },
    });
    expect(result.route?.destination).toEqual({ type: "extension", targetId: acme.extensions[0], label: "1001 · Ramal 1001" });
    expect(result.route?.businessHours).toBeNull();
    expect(await routeRow(did.id)).toMatchObject({
      destType: "extension",
      extensionId: acme.extensions[0],
      businessHoursId: null,
      afterType: null,
    });
    expect(await auditActions(acme.id, "did", did.id)).toContain("did.route");
  });

  it("splits a number by business hours: a ring group while open, a trunk after hours; an owner may do it", async () => {
    const did = acme.dids[1]!;
    const group = await insertRingGroup(acme.id, "Vendas", [acme.extensions[1]!, acme.extensions[2]!]);
    const hours = await insertBusinessHours(acme.id, "Comercial");
    const result = await acme.owner.caller.telephony.dids.setRoute({
      didId: did.id,
      destination: { type: "ring_group", targetId: group },
      businessHoursId: hours,
      afterHours: { type: "trunk", targetId: acme.trunkId },
    });
    expect(result.route?.destination).toMatchObject({ type: "ring_group", label: "Vendas" });
    expect(result.route?.businessHours).toMatchObject({ id: hours, name: "Comercial", timezone: "America/Sao_Paulo" });
    expect(result.route?.afterHours).toMatchObject({ type: "trunk", targetId: acme.trunkId, label: "matriz" });
    expect(await routeRow(did.id)).toMatchObject({
      destType: "ring_group",
      ringGroupId: group,
      businessHoursId: hours,
      afterTrunkId: acme.trunkId,
    });

    // Back to one destination: the after-hours part is dropped, not left behind.
    const plain = await acme.admin.caller.telephony.dids.setRoute({
      didId: did.id,
      destination: { type: "unavailable" },
      afterHours: { type: "extension", targetId: acme.extensions[0] },
    });
    expect(plain.route).toMatchObject({ destination: { type: "unavailable", targetId: null }, businessHours: null, afterHours: null });
    expect(await routeRow(did.id)).toMatchObject({
      destType: "unavailable",
      ringGroupId: null,
      businessHoursId: null,
      afterType: null,
      afterTrunkId: null,
    });
  });

  it("asks for the target and the after-hours destination, field by field", async () => {
    const did = acme.dids[2]!;
    const noTarget = await trpcError(acme.admin.caller.telephony.dids.setRoute({ didId: did.id, destination: { type: "ring_group" } }));
    expect(noTarget.code).toBe("BAD_REQUEST");
    expect(blamedFields(noTarget)).toEqual(["destination.targetId"]);
    expect(englishMessage(noTarget)).toBe("Choose the ring group.");

    const hours = await insertBusinessHours(acme.id, "Plantão");
    const noAfter = await trpcError(
      acme.admin.caller.telephony.dids.setRoute({ didId: did.id, destination: { type: "unavailable" }, businessHoursId: hours }),
    );
    expect(blamedFields(noAfter)).toEqual(["afterHours.type"]);
    expect(await routeRow(did.id)).toBeNull();
  });

  it("refuses another tenant's extension, ring group, trunk or hours as bad input, and writes nothing", async () => {
    const did = acme.dids[2]!;
    const attempts = [
      { input: { destination: { type: "extension" as const, targetId: other.extensions[0] } }, field: "destination.targetId" },
      { input: { destination: { type: "ring_group" as const, targetId: otherRingGroup } }, field: "destination.targetId" },
      { input: { destination: { type: "trunk" as const, targetId: other.trunkId } }, field: "destination.targetId" },
      {
        input: {
          destination: { type: "extension" as const, targetId: acme.extensions[0] },
          businessHoursId: otherHours,
          afterHours: { type: "unavailable" as const },
        },
        field: "businessHoursId",
      },
      {
        input: {
          destination: { type: "extension" as const, targetId: acme.extensions[0] },
          businessHoursId: await insertBusinessHours(acme.id, "Sábado"),
          afterHours: { type: "extension" as const, targetId: other.extensions[0] },
        },
        field: "afterHours.targetId",
      },
    ];
    for (const { input, field } of attempts) {
      const error = await trpcError(acme.admin.caller.telephony.dids.setRoute({ didId: did.id, ...input }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(blamedFields(error)).toEqual([field]);
    }
    expect(await routeRow(did.id)).toBeNull();
  });

  it("answers NOT_FOUND for another tenant's number, to read or route", async () => {
    const error = await trpcError(
      acme.admin.caller.telephony.dids.setRoute({
        didId: other.dids[0]!.id,
        destination: { type: "extension", targetId: acme.extensions[0] },
      }),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect((await trpcError(acme.admin.caller.telephony.dids.clearRoute({ didId: other.dids[0]!.id }))).code).toBe("NOT_FOUND");
    expect(await routeRow(other.dids[0]!.id)).toBeNull();
  });

  it("clears a route back to unrouted", async () => {
    const did = acme.dids[0]!;
    await acme.admin.caller.telephony.dids.setRoute({ didId: did.id, destination: { type: "trunk", targetId: acme.trunkId } });
    const cleared = await acme.admin.caller.telephony.dids.clearRoute({ didId: did.id });
    expect(cleared.route).toBeNull();
    expect(await routeRow(did.id)).toBeNull();
    expect(await auditActions(acme.id, "did", did.id)).toContain("did.route_clear");
  });

  it("offers the tenant's own destinations only", async () => {
    const options = await acme.manager.caller.telephony.dids.destinationOptions();
    expect(options.extensions.map((e) => e.number)).toEqual(["1001", "1002", "1003"]);
    expect(options.trunks.map((t) => t.id)).toEqual([acme.trunkId]);
    expect(options.ringGroups.map((g) => g.id)).not.toContain(otherRingGroup);
    expect(options.businessHours.map((h) => h.id)).not.toContain(otherHours);
  });

  it("lets managers and support read, only admins and owners write; reps see nothing", async () => {
    const did = acme.dids[2]!;
    const setRoute = { didId: did.id, destination: { type: "unavailable" as const } };
    expect((await acme.support.telephony.dids.list({})).total).toBe(3);
    const support = await trpcError(acme.support.telephony.dids.setRoute(setRoute));
    expect(support.code).toBe("FORBIDDEN");
    expect(englishMessage(support)).toBe("Support session: read only.");
    expect((await trpcError(acme.manager.caller.telephony.dids.setRoute(setRoute))).code).toBe("FORBIDDEN");
    expect((await trpcError(acme.manager.caller.telephony.dids.clearRoute({ didId: did.id }))).code).toBe("FORBIDDEN");
    expect((await trpcError(acme.rep.caller.telephony.dids.list({}))).code).toBe("FORBIDDEN");
    expect((await trpcError(acme.rep.caller.telephony.dids.destinationOptions())).code).toBe("FORBIDDEN");
    expect((await trpcError(acme.rep.caller.telephony.dids.setRoute(setRoute))).code).toBe("FORBIDDEN");
    expect(await routeRow(did.id)).toBeNull();
  });

  it("loses the route when the operator releases the number, and the release is visible to the tenant", async () => {
    const tenant = await numbersTenant(1);
    const did = tenant.dids[0]!;
    await tenant.admin.caller.telephony.dids.setRoute({
      didId: did.id,
      destination: { type: "extension", targetId: tenant.extensions[0] },
    });
    const root = await rootCaller();
    const released = await root.admin.inventory.dids.release({ id: did.id });
    expect(released.status).toBe("quarantined");
    expect(await routeRow(did.id)).toBeNull();
    expect((await tenant.admin.caller.telephony.dids.list({})).total).toBe(0);
    expect(await auditActions(tenant.id, "did", did.id)).toEqual(["did.route", "did.route_clear", "did.release"]);
  });

  it("refuses deleting what a route uses at the database too (the foreign keys restrict)", async () => {
    const tenant = await numbersTenant(1);
    const ext = await insertExtension(tenant.id, "2001");
    const trunk = await insertTrunk(tenant.id, "filial");
    await tenant.admin.caller.telephony.dids.setRoute({ didId: tenant.dids[0]!.id, destination: { type: "extension", targetId: ext } });
    await expect(ownerQuery(`DELETE FROM "Extension" WHERE id = $1`, [ext])).rejects.toThrow(/foreign key/);
    await tenant.admin.caller.telephony.dids.setRoute({ didId: tenant.dids[0]!.id, destination: { type: "trunk", targetId: trunk } });
    await expect(ownerQuery(`DELETE FROM "Trunk" WHERE id = $1`, [trunk])).rejects.toThrow(/foreign key/);
  });
});
