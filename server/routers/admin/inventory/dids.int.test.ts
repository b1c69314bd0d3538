import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@/server/db";
import { ownerQuery, tenantId } from "@/server/testing/owner-db";
import {
  auditFor,
  blamedFields,
  count,
  insertFreeDids,
  rootCaller,
  throwawayTenant,
  trpcError,
  unique,
  type Caller,
} from "./inventory-test-kit";

describe("admin.inventory.dids", () => {
  let root: Caller;
  let providerId: string;
  let gatewayId: string;
  beforeAll(async () => {
    root = await rootCaller();
    providerId = (await root.admin.inventory.providers.create({ name: unique("Did provider") })).id;
    gatewayId = (
      await root.admin.inventory.gateways.create({ providerId, name: unique("did-gw"), host: "sip.did.example", codecs: ["alaw"] })
    ).id;
  });

  describe("list", () => {
    it("pages in number order with a keyset cursor, without gaps or repeats, and counts per status", async () => {
      const dids = await insertFreeDids(providerId, 23);
      const tenant = await throwawayTenant(5);
      await root.admin.inventory.dids.allocate({ id: dids[3]!.id, tenantId: tenant.id });
      await root.admin.inventory.dids.allocate({ id: dids[4]!.id, tenantId: tenant.id });
      await root.admin.inventory.dids.release({ id: dids[4]!.id });

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<Caller["admin"]["inventory"]["dids"]["list"]>> = await root.admin.inventory.dids.list({
          providerId,
          limit: 10,
          cursor,
        });
        expect(page.total).toBe(23);
        expect(page.counts).toEqual({ free: 21, allocated: 1, quarantined: 1 });
        seen.push(...page.items.map((d) => d.number));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(dids.map((d) => d.number).sort());

      const allocated = await root.admin.inventory.dids.list({ providerId, status: "allocated" });
      expect(allocated.total).toBe(1);
      expect(allocated.counts).toEqual({ free: 21, allocated: 1, quarantined: 1 });
      expect(allocated.items[0]).toMatchObject({ id: dids[3]!.id, status: "allocated", tenant: { id: tenant.id, slug: tenant.slug } });
      expect((await root.admin.inventory.dids.list({ tenantId: tenant.id })).items.map((d) => d.id)).toEqual([dids[3]!.id]);
    });

    it("searches by the digits of any part of the number, however it is typed", async () => {
      const [did] = await insertFreeDids(providerId, 1);
      const national = did!.number.slice(3); // e.g. 2130001234
      for (const search of [
        did!.number,
        national,
        `(${national.slice(0, 2)}) ${national.slice(2, 6)}-${national.slice(6)}`,
        national.slice(-6),
      ]) {
        const { items } = await root.admin.inventory.dids.list({ search, providerId });
        expect(
          items.map((d) => d.id),
          search,
        ).toContain(did!.id);
      }
      expect((await root.admin.inventory.dids.list({ providerId, search: "999999999999999" })).items).toEqual([]);
    });
  });

  describe("update and delete", () => {
    it("changes the monthly cost and gateway, refusing a gateway of another provider, auditing the change", async () => {
      const [did] = await insertFreeDids(providerId, 1);
      const updated = await root.admin.inventory.dids.update({ id: did!.id, data: { monthlyCost: "15,90", gatewayId } });
      expect(updated).toMatchObject({ monthlyCost: "15.90", gateway: { id: gatewayId } });

      const other = await root.admin.inventory.providers.create({ name: unique("Other did provider") });
      const foreignGw = await root.admin.inventory.gateways.create({
        providerId: other.id,
        name: unique("foreign-gw"),
        host: "f.example",
        codecs: ["alaw"],
      });
      const error = await trpcError(root.admin.inventory.dids.update({ id: did!.id, data: { monthlyCost: "1", gatewayId: foreignGw.id } }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(blamedFields(error)).toEqual(["gatewayId"]);
      const negative = await trpcError(root.admin.inventory.dids.update({ id: did!.id, data: { monthlyCost: "-1", gatewayId: null } }));
      expect(blamedFields(negative)).toEqual(["monthlyCost"]);
      expect(await root.admin.inventory.dids.get({ id: did!.id })).toMatchObject({ monthlyCost: "15.90", gateway: { id: gatewayId } });

      const audit = await auditFor(did!.id);
      expect(audit.map((a) => a.action)).toEqual(["did.update"]);
      expect(audit[0]).toMatchObject({ before: { monthlyCost: "10.00", gateway: null }, after: { monthlyCost: "15.90" } });
    });

    it("keeps the billing prices: monthly price and per-minute rates of received calls, exact to the micro-real", async () => {
      const [did] = await insertFreeDids(providerId, 1);
      const updated = await root.admin.inventory.dids.update({
        id: did!.id,
        data: { monthlyCost: "5", gatewayId: null, monthlyPrice: "19,90", inboundCostPerMinute: "0,0825", inboundPricePerMinute: "0.15" },
      });
      expect(updated).toMatchObject({ monthlyPrice: "19.90", inboundCostPerMinute: "0.082500", inboundPricePerMinute: "0.150000" });
      const [row] = await ownerQuery<{ cost: string; price: string }>(
        `SELECT "inboundCostPerMinuteMicros"::text AS cost, "inboundPricePerMinuteMicros"::text AS price FROM "Did" WHERE id = $1`,
        [did!.id],
      );
      expect(row).toEqual({ cost: "82500", price: "150000" });
      // Omitted prices stay; a seventh decimal is refused rather than rounded away.
      expect(await root.admin.inventory.dids.update({ id: did!.id, data: { monthlyCost: "6", gatewayId: null } })).toMatchObject({
        monthlyPrice: "19.90",
        inboundPricePerMinute: "0.150000",
      });
      const tooPrecise = await trpcError(
        root.admin.inventory.dids.update({ id: did!.id, data: { monthlyCost: "6", gatewayId: null, inboundPricePerMinute: "0,1234567" } }),
      );
      expect(blamedFields(tooPrecise)).toEqual(["inboundPricePerMinute"]);
    });

    it("deletes only free numbers", async () => {
      const [free, taken] = await insertFreeDids(providerId, 2);
      const tenant = await throwawayTenant(1);
      await root.admin.inventory.dids.allocate({ id: taken!.id, tenantId: tenant.id });
      const error = await trpcError(root.admin.inventory.dids.delete({ id: taken!.id }));
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toBe("inventory.errors.did_delete_not_free");
      expect(await count("Did", "id = $1", [taken!.id])).toBe(1);

      await expect(root.admin.inventory.dids.delete({ id: free!.id })).resolves.toEqual({ id: free!.id });
      expect(await count("Did", "id = $1", [free!.id])).toBe(0);
      expect((await auditFor(free!.id)).map((a) => a.action)).toEqual(["did.delete"]);
      expect((await trpcError(root.admin.inventory.dids.get({ id: free!.id }))).code).toBe("NOT_FOUND");
    });
  });

  describe("allocation", () => {
    it("allocates, releases into quarantine and returns to the pool, each step audited under the right tenant", async () => {
      const [did] = await insertFreeDids(providerId, 1);
      const tenant = await throwawayTenant(2);
      const allocated = await root.admin.inventory.dids.allocate({ id: did!.id, tenantId: tenant.id });
      expect(allocated).toMatchObject({ status: "allocated", tenant: { id: tenant.id, name: tenant.name } });
      expect(allocated.allocatedAt).toBeInstanceOf(Date);

      // Only free numbers are allocated, only allocated ones released, only resting ones returned.
      expect((await trpcError(root.admin.inventory.dids.allocate({ id: did!.id, tenantId: tenant.id }))).code).toBe("CONFLICT");
      expect((await trpcError(root.admin.inventory.dids.returnToPool({ id: did!.id }))).code).toBe("CONFLICT");

      const released = await root.admin.inventory.dids.release({ id: did!.id });
      expect(released).toMatchObject({ status: "quarantined", tenant: null, allocatedAt: null });
      expect((await trpcError(root.admin.inventory.dids.release({ id: did!.id }))).code).toBe("CONFLICT");
      expect((await trpcError(root.admin.inventory.dids.allocate({ id: did!.id, tenantId: tenant.id }))).code).toBe("CONFLICT");

      expect(await root.admin.inventory.dids.returnToPool({ id: did!.id })).toMatchObject({ status: "free", tenant: null });

      // The database keeps who held the number when (invoices prorate DID fees from it).
      const history = await ownerQuery<{ tenantId: string; open: boolean }>(
        `SELECT "tenantId", "toAt" IS NULL AS open FROM "DidAllocation" WHERE "didId" = $1 ORDER BY "fromAt"`,
        [did!.id],
      );
      expect(history).toEqual([{ tenantId: tenant.id, open: false }]);

      const audit = await auditFor(did!.id);
      expect(audit.map((a) => [a.action, a.tenantId])).toEqual([
        ["did.allocate", tenant.id],
        ["did.release", tenant.id],
        ["did.return_to_pool", null],
      ]);
      expect(audit[0]!.after).toEqual({ number: did!.number, status: "allocated", tenantId: tenant.id });
      // The tenant reads its own entries through its tenant-bound handle (RLS).
      const seenByTenant = await withTenant(tenant.id, (db) =>
        db.auditLog.findMany({ where: { objectId: did!.id }, select: { action: true } }),
      );
      expect(seenByTenant.map((a) => a.action).sort()).toEqual(["did.allocate", "did.release"]);
    });

    it("enforces the plan's DID limit at the boundary: the 3rd fits, the 4th is refused naming 3, a release frees the slot", async () => {
      const tenant = await throwawayTenant(3);
      const dids = await insertFreeDids(providerId, 4);
      for (const did of dids.slice(0, 3)) await root.admin.inventory.dids.allocate({ id: did.id, tenantId: tenant.id });

      const error = await trpcError(root.admin.inventory.dids.allocate({ id: dids[3]!.id, tenantId: tenant.id }));
      expect(error.code).toBe("FORBIDDEN");
      expect(error.cause).toMatchObject({ code: "LIMIT_REACHED", message: "errors.limit_dids?limit=3" });
      expect(await root.admin.inventory.dids.get({ id: dids[3]!.id })).toMatchObject({ status: "free", tenant: null });
      expect(await count("Did", `"tenantId" = $1`, [tenant.id])).toBe(3);
      expect(await auditFor(dids[3]!.id)).toEqual([]);

      await root.admin.inventory.dids.release({ id: dids[0]!.id });
      await expect(root.admin.inventory.dids.allocate({ id: dids[3]!.id, tenantId: tenant.id })).resolves.toMatchObject({
        status: "allocated",
      });
      expect(await count("Did", `"tenantId" = $1`, [tenant.id])).toBe(3);
    });

    it("of two concurrent allocations of one number, exactly one wins", async () => {
      for (let round = 0; round < 3; round++) {
        const [did] = await insertFreeDids(providerId, 1);
        const [a, b] = [await throwawayTenant(5), await throwawayTenant(5)];
        const results = await Promise.allSettled([
          root.admin.inventory.dids.allocate({ id: did!.id, tenantId: a.id }),
          root.admin.inventory.dids.allocate({ id: did!.id, tenantId: b.id }),
          root.admin.inventory.dids.allocate({ id: did!.id, tenantId: a.id }),
        ]);
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        const [row] = await ownerQuery<{ tenantId: string }>(`SELECT "tenantId" FROM "Did" WHERE id = $1`, [did!.id]);
        const winner = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ tenant: { id: string } }>).value;
        expect(row!.tenantId).toBe(winner.tenant.id);
        expect((await auditFor(did!.id)).map((x) => x.action)).toEqual(["did.allocate"]);
      }
    });

    it("refuses unknown and archived tenants and unknown numbers", async () => {
      const [did] = await insertFreeDids(providerId, 1);
      const missing = await trpcError(
        root.admin.inventory.dids.allocate({ id: did!.id, tenantId: "0195f0a0-0000-7000-8000-00000000dead" }),
      );
      expect(missing.code).toBe("NOT_FOUND");
      expect(blamedFields(missing)).toEqual(["tenantId"]);
      const archived = await throwawayTenant(5);
      await ownerQuery(`UPDATE "Tenant" SET status = 'archived' WHERE id = $1`, [archived.id]);
      expect((await trpcError(root.admin.inventory.dids.allocate({ id: did!.id, tenantId: archived.id }))).code).toBe("CONFLICT");
      expect(
        (await trpcError(root.admin.inventory.dids.allocate({ id: "0195f0a0-0000-7000-8000-00000000dead", tenantId: archived.id }))).code,
      ).toBe("CONFLICT");
      const tenant = await throwawayTenant(5);
      expect(
        (await trpcError(root.admin.inventory.dids.allocate({ id: "0195f0a0-0000-7000-8000-00000000dead", tenantId: tenant.id }))).code,
      ).toBe("NOT_FOUND");
      expect(await root.admin.inventory.dids.get({ id: did!.id })).toMatchObject({ status: "free" });
    });

    it("a number allocated to one tenant is visible to that tenant only", async () => {
      const [did] = await insertFreeDids(providerId, 1);
      const acme = await tenantId("acme");
      const globex = await tenantId("globex");
      // A throw-away tenant stands in for acme's slot so the demo tenants' DID usage is untouched…
      const tenant = await throwawayTenant(1);
      await root.admin.inventory.dids.allocate({ id: did!.id, tenantId: tenant.id });
      const seenBy = (id: string) => withTenant(id, (db) => db.did.findMany({ where: { id: did!.id }, select: { id: true } }));
      expect(await seenBy(tenant.id)).toEqual([{ id: did!.id }]);
      // …and neither demo tenant can see it.
      expect(await seenBy(acme)).toEqual([]);
      expect(await seenBy(globex)).toEqual([]);
    });

    it("lists companies to allocate to, with their DID usage, leaving archived ones out", async () => {
      const tenant = await throwawayTenant(3);
      const [did] = await insertFreeDids(providerId, 1);
      await root.admin.inventory.dids.allocate({ id: did!.id, tenantId: tenant.id });
      const options = await root.admin.inventory.dids.tenantOptions({ search: tenant.slug });
      expect(options).toEqual([{ id: tenant.id, name: tenant.name, slug: tenant.slug, status: "active", dids: { used: 1, limit: 3 } }]);
      await ownerQuery(`UPDATE "Tenant" SET status = 'archived' WHERE id = $1`, [tenant.id]);
      expect(await root.admin.inventory.dids.tenantOptions({ search: tenant.slug })).toEqual([]);
    });
  });
});
