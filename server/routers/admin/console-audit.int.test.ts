import { randomInt, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { startAmiServer, type AmiTestServer } from "@/asterisk/testing/ami-server";
import { parseHost } from "@/lib/host";
import { billableTenant } from "@/server/services/billing/invoices/invoice.fixture";
import { runInvoices } from "@/server/services/billing/invoices/run-invoices";
import { ownerQuery } from "@/server/testing/owner-db";
import { createCaller, appRouter } from "@/server/trpc/root";

/**
 * Walks the console: every admin mutation found in the router must be exercised below, and each
 * call must leave exactly the audit entries it is responsible for. A new console mutation without
 * a step here fails the last test.
 */
const MUTATIONS = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
  .filter(([path, procedure]) => path.startsWith("admin.") && procedure._def.type === "mutation")
  .map(([path]) => path)
  .sort();

// A private address for this test's caller, so its audit rows are told apart from those of test
// files running at the same time.
const IP = `198.51.100.${randomInt(1, 254)}-${randomUUID().slice(0, 8)}`;
const tag = randomUUID().slice(0, 8);

async function rootCaller() {
  const [user] = await ownerQuery<{ id: string; name: string }>(`SELECT id, name FROM "User" WHERE email = 'root@linha.local'`);
  return createCaller({
    target: parseHost("admin.localhost:3000", "localhost"),
    session: {
      user: { id: user!.id, email: "root@linha.local", name: user!.name, scope: "admin", locale: "en" },
      expires: new Date(Date.now() + 3600_000).toISOString(),
    },
    locale: "en",
    ip: IP,
    apiKey: null,
    origin: "http://localhost:3000",
  });
}

describe("every console mutation leaves an audit entry", () => {
  const exercised = new Set<string>();
  // The walk's PBX node answers AMI, so the trunk test (audited only when the PBX answers) runs too.
  let ami: AmiTestServer | undefined;
  afterAll(() => ami?.close());

  it("walks the console and finds an entry for each call", async () => {
    const root = await rootCaller();
    let seen = 0;
    async function audited<T>(path: string, call: () => Promise<T>): Promise<T> {
      const result = await call();
      const rows = await ownerQuery<{ action: string; actorEmail: string; n: number }>(
        `SELECT action, "actorEmail" FROM "AuditLog" WHERE ip = $1 ORDER BY "createdAt", id OFFSET $2`,
        [IP, seen],
      );
      expect(rows.length, `${path} wrote no audit entry`).toBeGreaterThan(0);
      expect(
        rows.every((r) => r.actorEmail === "root@linha.local"),
        path,
      ).toBe(true);
      seen += rows.length;
      exercised.add(path);
      return result;
    }
    const a = root.admin;

    const plan = await audited("admin.plans.create", () =>
      a.plans.create({
        code: `walk-${tag}`,
        name: "Walk",
        monthlyPrice: "99,90",
        maxUsers: 5,
        maxExtensions: 5,
        maxDids: 5,
        maxConcurrentCalls: 2,
        features: ["route_overrides"],
      }),
    );
    await audited("admin.plans.update", () => a.plans.update({ id: plan.id, data: { name: "Walk 2" } }));
    const spare = await a.plans.create({
      code: `walk-spare-${tag}`,
      name: "Spare",
      monthlyPrice: "1",
      maxUsers: 1,
      maxExtensions: 0,
      maxDids: 0,
      maxConcurrentCalls: 0,
      features: [],
    });
    await audited("admin.plans.archive", () => a.plans.archive({ id: spare.id }));
    await audited("admin.plans.unarchive", () => a.plans.unarchive({ id: spare.id }));
    await audited("admin.plans.delete", () => a.plans.delete({ id: spare.id }));

    ami = await startAmiServer({ users: [{ username: "linha", secret: "walk-Secret1" }] });
    const node = await audited("admin.inventory.pbxNodes.create", () =>
      a.inventory.pbxNodes.create({
        name: `walk-${tag}`,
        amiHost: ami!.host,
        amiPort: ami!.port,
        amiUser: "linha",
        amiSecret: "walk-Secret1",
        configDir: "/etc/asterisk/linha",
      }),
    );
    await audited("admin.inventory.pbxNodes.update", () =>
      a.inventory.pbxNodes.update({
        id: node.id,
        data: {
          name: `walk-${tag}`,
          amiHost: ami!.host,
          amiPort: ami!.port,
          amiUser: "linha",
          amiSecret: "",
          configDir: "/etc/asterisk/walk",
        },
      }),
    );
    await audited("admin.inventory.pbxNodes.setStatus", () => a.inventory.pbxNodes.setStatus({ id: node.id, status: "maintenance" }));

    const provider = await audited("admin.inventory.providers.create", () => a.inventory.providers.create({ name: `Walk ${tag}` }));
    await audited("admin.inventory.providers.update", () =>
      a.inventory.providers.update({ id: provider.id, data: { name: `Walk ${tag}`, type: "wholesale" } }),
    );
    const gateway = await audited("admin.inventory.gateways.create", () =>
      a.inventory.gateways.create({ providerId: provider.id, name: `walk-${tag}`, host: "sip.walk.example", codecs: ["alaw"] }),
    );
    await audited("admin.inventory.gateways.update", () =>
      a.inventory.gateways.update({
        id: gateway.id,
        data: { providerId: provider.id, name: `walk-${tag}`, host: "sip2.walk.example", codecs: ["alaw", "ulaw"] },
      }),
    );

    // The gateway's own price list: every change makes a version; deleted again before the gateway.
    const t = a.tariffs;
    const deck = await audited("admin.tariffs.decks.create", () =>
      t.decks.create({ name: `Walk ${tag}`, kind: "buy", ownerType: "gateway", ownerId: gateway.id }),
    );
    await audited("admin.tariffs.decks.update", () => t.decks.update({ id: deck.id, data: { name: `Walk deck ${tag}` } }));
    await audited("admin.tariffs.import", () =>
      t.import({
        deckId: deck.id,
        mode: "replace",
        csv: "prefix;description;price_per_minute;connection_fee;min_seconds;increment_seconds;effective_from;effective_to\n55;Brasil;0,1;;;;2026-01-01;",
      }),
    );
    const rate = {
      prefix: "5511",
      description: "SP",
      pricePerMinute: "0,05",
      connectionFee: "",
      increment: "30/6",
      effectiveFrom: "2026-01-01",
      effectiveTo: "",
    };
    await audited("admin.tariffs.rates.create", () => t.rates.create({ deckId: deck.id, data: rate }));
    const sp = (await t.rates.list({ deckId: deck.id, search: "5511" })).items[0]!;
    await audited("admin.tariffs.rates.update", () => t.rates.update({ id: sp.id, data: { ...rate, pricePerMinute: "0,06" } }));
    const sp2 = (await t.rates.list({ deckId: deck.id, search: "5511" })).items[0]!;
    await audited("admin.tariffs.rates.delete", () => t.rates.delete({ id: sp2.id }));
    const versions = await t.versions.list({ deckId: deck.id });
    await audited("admin.tariffs.versions.restore", () =>
      t.versions.restore({ versionId: versions.items.find((v) => v.number === 2)!.id }),
    );
    await audited("admin.tariffs.decks.delete", () => t.decks.delete({ id: deck.id }));

    const slug = `walk-${tag}`;
    const created = await audited("admin.tenants.create", () =>
      a.tenants.create({
        name: `Walk ${tag}`,
        slug,
        planId: plan.id,
        pbxNodeId: node.id,
        ownerName: "Walk Owner",
        ownerEmail: `owner-${tag}@walk.test`,
      }),
    );
    const tenantId = created.tenant.id;
    await audited("admin.tenants.update", () => a.tenants.update({ id: tenantId, data: { name: `Walk ${tag} Ltda` } }));
    await audited("admin.tenants.inviteOwner", () =>
      a.tenants.inviteOwner({ id: tenantId, name: "Other Owner", email: `other-${tag}@walk.test` }),
    );
    await audited("admin.tenants.openSupportSession", () => a.tenants.openSupportSession({ id: tenantId }));

    // A tenant override keeps the reorder step away from the operator's routes other files use.
    const routeFields = { name: `walk-${tag}`, pattern: "_55XX9XXXXXXXX", gatewayIds: [gateway.id] };
    const route = await audited("admin.routes.create", () => a.routes.create({ ...routeFields, tenantId }));
    await audited("admin.routes.update", () => a.routes.update({ id: route.id, data: { ...routeFields, prepend: "0" } }));
    await audited("admin.routes.setEnabled", () => a.routes.setEnabled({ id: route.id, enabled: false }));
    await audited("admin.routes.reorder", () => a.routes.reorder({ tenantId, ids: [route.id] }));
    await audited("admin.routes.delete", () => a.routes.delete({ id: route.id }));
    await audited("admin.pbx.sync", () => a.pbx.sync({ id: node.id }));

    const { trunk } = await audited("admin.trunks.create", () =>
      a.trunks.create({ tenantId, data: { name: "clientes", authMode: "registration" } }),
    );
    await audited("admin.trunks.update", () => a.trunks.update({ id: trunk.id, data: { authMode: "registration", channelLimit: 20 } }));
    await audited("admin.trunks.regenerateSecret", () => a.trunks.regenerateSecret({ id: trunk.id }));
    ami.setEndpoints([
      { name: `${slug}_trunk_clientes`, auth: null, contacts: [{ uri: "sip:192.0.2.77:5060", status: "Reachable", roundtripUsec: 1200 }] },
    ]);
    await audited("admin.trunks.test", () => a.trunks.test({ id: trunk.id }));
    await audited("admin.trunks.delete", () => a.trunks.delete({ id: trunk.id }));

    const block = 30_000_000 + randomInt(60_000_000);
    const numbers = [`+55119${block}`, `+55119${block + 1}`];
    await audited("admin.inventory.dids.import", () =>
      a.inventory.dids.import({
        csv: ["number,provider,gateway,monthly_cost", ...numbers.map((n) => `${n},Walk ${tag},walk-${tag},9.90`)].join("\n"),
      }),
    );
    const dids = await ownerQuery<{ id: string; number: string }>(`SELECT id, number FROM "Did" WHERE number = ANY($1) ORDER BY number`, [
      numbers,
    ]);
    const [first, second] = dids;
    await audited("admin.inventory.dids.update", () =>
      a.inventory.dids.update({ id: first!.id, data: { monthlyCost: "12,50", gatewayId: gateway.id } }),
    );
    await audited("admin.inventory.dids.allocate", () => a.inventory.dids.allocate({ id: first!.id, tenantId }));
    await audited("admin.inventory.dids.release", () => a.inventory.dids.release({ id: first!.id }));
    await audited("admin.inventory.dids.returnToPool", () => a.inventory.dids.returnToPool({ id: first!.id }));
    await audited("admin.inventory.dids.delete", () => a.inventory.dids.delete({ id: second!.id }));

    const thisMonth = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo", year: "numeric", month: "2-digit" })
      .format(new Date())
      .slice(0, 7);
    await audited("admin.invoices.run", () => a.invoices.run({ month: thisMonth, tenantId }));
    const tax = await audited("admin.invoices.taxes.create", () =>
      a.invoices.taxes.create({ name: `Walk ${tag}`, percent: "1", active: false }),
    );
    await audited("admin.invoices.taxes.update", () =>
      a.invoices.taxes.update({ id: tax.id, data: { name: `Walk ${tag}`, percent: "2", active: false } }),
    );
    await audited("admin.invoices.taxes.delete", () => a.invoices.taxes.delete({ id: tax.id }));
    // Two drafts of a closed month for tenants of their own (the walk's tenant was created today).
    const drafts: string[] = [];
    for (let i = 0; i < 2; i++) {
      const billed = await billableTenant();
      await runInvoices({ month: "2025-01", tenantId: billed.id }, { rateFirst: false, taxes: [] });
      const [row] = await ownerQuery<{ id: string }>(`SELECT id FROM "Invoice" WHERE "tenantId" = $1`, [billed.id]);
      drafts.push(row!.id);
    }
    await audited("admin.invoices.issue", () => a.invoices.issue({ id: drafts[0]! }));
    await audited("admin.invoices.markPaid", () => a.invoices.markPaid({ id: drafts[0]! }));
    await audited("admin.invoices.void", () => a.invoices.void({ id: drafts[1]!, reason: "walk" }));

    await audited("admin.rating.rateNow", () => a.rating.rateNow({ tenantId }));
    await audited("admin.rating.rerate", () => a.rating.rerate({ month: thisMonth, tenantId }));

    await audited("admin.tenants.suspend", () => a.tenants.suspend({ id: tenantId }));
    await audited("admin.tenants.reactivate", () => a.tenants.reactivate({ id: tenantId }));
    await audited("admin.tenants.archive", () => a.tenants.archive({ id: tenantId }));
    const empty = await a.tenants.create({
      name: `Walk empty ${tag}`,
      slug: `walk-e-${tag}`,
      planId: plan.id,
      ownerName: "Nobody",
      ownerEmail: `e-${tag}@walk.test`,
    });
    await audited("admin.tenants.delete", () => a.tenants.delete({ id: empty.tenant.id }));

    await a.inventory.dids.delete({ id: first!.id });
    await audited("admin.inventory.gateways.delete", () => a.inventory.gateways.delete({ id: gateway.id }));
    await audited("admin.inventory.providers.delete", () => a.inventory.providers.delete({ id: provider.id }));
    const spareNode = await a.inventory.pbxNodes.create({
      name: `walk-spare-${tag}`,
      amiHost: "pbx.spare.example",
      amiUser: "linha",
      amiSecret: "spare-Secret1",
      configDir: "/etc/asterisk/spare",
    });
    await audited("admin.inventory.pbxNodes.delete", () => a.inventory.pbxNodes.delete({ id: spareNode.id }));
  });

  it("covered every console mutation there is", () => {
    expect([...exercised].sort()).toEqual(MUTATIONS);
  });
});
