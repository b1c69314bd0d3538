import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { GatewayCreateInput } from "@/lib/schemas/inventory";
import { RouteCreateInput } from "@/lib/schemas/outbound-route";
import { openSecret } from "@/server/crypto/secret-box";
import { resolveOutboundRoute } from "@/server/services/routes/resolve-outbound-route";
import { PrismaClient } from "../generated/client";
import { DEMO_PBX_NODE, seedTelephonyNetwork } from "./telephony-network";

// The seed runs twice inside one transaction that is then rolled back: the shared test database
// (and the demo tenants other test files look at) is left exactly as it was.

const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("ownerUrl") }) });
afterAll(() => db.$disconnect());

class Rollback extends Error {}

async function inRolledBackSeed(check: (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) => Promise<void>): Promise<void> {
  await db
    .$transaction(
      async (tx) => {
        await tx.$executeRaw`SET LOCAL ROLE linha_admin`;
        await seedTelephonyNetwork(tx, { appSecret: process.env.APP_SECRET!, amiSecret: "seed-test-ami" });
        await seedTelephonyNetwork(tx, { appSecret: process.env.APP_SECRET!, amiSecret: "another-secret" });
        await check(tx);
        throw new Rollback();
      },
      { timeout: 30_000 },
    )
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
}

describe("seedTelephonyNetwork", () => {
  it("creates the demo network once, with values every console form would accept", async () => {
    await inRolledBackSeed(async (tx) => {
      const gateways = await tx.gateway.findMany({ where: { name: { in: ["vivo-sp1", "algar-sp1"] } }, include: { provider: true } });
      expect(gateways.map((g) => [g.name, g.provider.name, g.authMode]).sort()).toEqual([
        ["algar-sp1", "Algar Wholesale", "credentials"],
        ["vivo-sp1", "Vivo Empresas", "ip_match"],
      ]);
      for (const g of gateways) {
        const parsed = GatewayCreateInput.safeParse({ ...g, providerId: g.providerId, password: g.secretEnc ? "x-valid-pass" : undefined });
        expect(parsed.success, g.name).toBe(true);
      }

      const node = await tx.pbxNode.findUniqueOrThrow({ where: { name: DEMO_PBX_NODE.name } });
      expect(node).toMatchObject({ amiHost: "127.0.0.1", amiPort: 5038, amiUser: "linha", configDir: "/etc/asterisk/linha" });
      // The second run kept the first secret: nothing that exists is overwritten.
      const [existingNode] = await db.$queryRaw<
        { n: number }[]
      >`SELECT count(*)::int AS n FROM "PbxNode" WHERE name = ${DEMO_PBX_NODE.name}`;
      if (existingNode!.n === 0) expect(openSecret(node.amiSecretEnc, process.env.APP_SECRET!)).toBe("seed-test-ami");

      const routes = await tx.outboundRoute.findMany({
        where: {
          tenantId: null,
          name: { in: ["emergencia", "brasil-movel", "brasil-fixo", "brasil-e164", "internacional", "internacional-e164"] },
        },
        include: { gateways: { include: { gateway: true }, orderBy: { position: "asc" } } },
      });
      expect(routes).toHaveLength(6);
      for (const r of routes) {
        const input = {
          ...r,
          gatewayIds: r.gateways.map((g) => g.gatewayId),
          prepend: r.prepend ?? "",
          callerIdNumber: r.callerIdNumber ?? "",
        };
        expect(RouteCreateInput.safeParse(input).success, r.name).toBe(true);
      }

      // Mobile numbers leave through Vivo, then Algar with its tech prefix; international through Algar only.
      const candidates = routes.map((r) => ({ ...r, gateways: r.gateways.map((g) => ({ ...g.gateway, position: g.position })) }));
      const dial = (number: string) =>
        resolveOutboundRoute(number, { tenantRoutes: [], operatorRoutes: candidates, overridesAllowed: false }).selected;
      expect(dial("5511987654321")?.gateways.map((g) => g.dialString)).toEqual([
        "PJSIP/5511987654321@gw_vivo-sp1",
        "PJSIP/7701#5511987654321@gw_algar-sp1",
      ]);
      expect(dial("551130001234")?.route.name).toBe("brasil-fixo");
      expect(dial("+5521987654321")?.gateways[0]?.dialString).toBe("PJSIP/5521987654321@gw_vivo-sp1");
      expect(dial("0014155550100")?.gateways.map((g) => g.dialString)).toEqual(["PJSIP/7701#14155550100@gw_algar-sp1"]);
      expect(dial("+14155550100")?.route.name).toBe("internacional-e164");
      expect(dial("190")?.route.name).toBe("emergencia");
      expect(dial("551160001234")).toBeNull();

      const tenants = await tx.tenant.findMany({ where: { slug: { in: ["acme", "globex"] } }, select: { slug: true, pbxNodeId: true } });
      expect(tenants.every((t) => t.pbxNodeId !== null)).toBe(true);
      const dids = await tx.did.findMany({
        where: { number: { in: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `+55113000000${n}`).concat(["+552140000001", "+552140000002"]) } },
        select: { number: true, status: true, tenant: { select: { slug: true } } },
      });
      const bySlug = (slug: string | null) => dids.filter((d) => (d.tenant?.slug ?? null) === slug).length;
      expect([dids.length, bySlug("acme"), bySlug("globex"), bySlug(null)]).toEqual([10, 4, 2, 4]);
    });
  });
});
