import type { Prisma } from "../generated/client";
import { sealSecret } from "../../server/crypto/secret-box";

// The operator's demo network, as a small Brazilian operator would run it: a carrier (Vivo) for
// most traffic and a wholesale carrier (Algar) as failover and for international calls, one
// Asterisk node in São Paulo serving the demo tenants, a few outbound routes and a block of DIDs.
// Platform-level: run it as the console's role (linha_admin), before the tenants' own telephony.

type Options = {
  /** APP_SECRET of the app that will read these rows (gateway and AMI secrets are sealed with it). */
  appSecret: string;
  /** The demo node's AMI secret; default PBX_DEMO_AMI_SECRET or "linha-demo-ami". */
  amiSecret?: string;
};

const PROVIDERS = [
  {
    name: "Vivo Empresas",
    type: "carrier" as const,
    contactName: "Central de atendimento Vivo Empresas",
    contactEmail: "noc.sip@vivo.example",
    defaultCostPerMinute: "0.0450",
  },
  {
    name: "Algar Wholesale",
    type: "wholesale" as const,
    contactName: "NOC Algar Wholesale",
    contactEmail: "noc@algar.example",
    defaultCostPerMinute: "0.0320",
  },
];

const GATEWAYS = [
  // The carrier recognises our SBC by its address: no credentials, national format as dialled.
  { name: "vivo-sp1", provider: "Vivo Empresas", host: "200.185.0.10", transport: "udp" as const, authMode: "ip_match" as const },
  // Wholesale: registration with credentials, and a tech prefix naming our account's route quality.
  {
    name: "algar-sp1",
    provider: "Algar Wholesale",
    host: "sip.algar.example",
    transport: "udp" as const,
    authMode: "credentials" as const,
    username: "linha-sp",
    password: "Algar-demo-2024",
    techPrefix: "7701#",
  },
];

export const DEMO_PBX_NODE = { name: "pbx-sp1", amiHost: "127.0.0.1", amiPort: 5038, amiUser: "linha", configDir: "/etc/asterisk/linha" };

/**
 * Numbers reach the routes as the phones and click-to-call send them: national numbers with the
 * country code (55 + DDD + number), E.164 with `+`, or 00 + country for international. Brazilian
 * mobiles have 9 digits starting with 9; landlines 8 digits starting with 2–5.
 */
const ROUTES = [
  { name: "emergencia", pattern: "_19X", priority: 1, stripDigits: 0, gateways: ["vivo-sp1", "algar-sp1"] },
  { name: "brasil-movel", pattern: "_55XX9XXXXXXXX", priority: 10, stripDigits: 0, gateways: ["vivo-sp1", "algar-sp1"] },
  { name: "brasil-fixo", pattern: "_55XX[2-5]XXXXXXX", priority: 20, stripDigits: 0, gateways: ["vivo-sp1", "algar-sp1"] },
  { name: "brasil-e164", pattern: "_+55X.", priority: 30, stripDigits: 1, gateways: ["vivo-sp1", "algar-sp1"] },
  { name: "internacional", pattern: "_00X.", priority: 90, stripDigits: 2, gateways: ["algar-sp1"] },
  { name: "internacional-e164", pattern: "_+X.", priority: 95, stripDigits: 1, gateways: ["algar-sp1"] },
];

type DemoDid = {
  number: string;
  provider: string;
  gateway: string;
  monthlyCost: string;
  monthlyPrice: string;
  tenant: string | null;
  /** Calls received are rated per minute (toll-free): micro-reais a minute, cost and price. */
  inbound?: { costMicros: bigint; priceMicros: bigint };
};

const DIDS: DemoDid[] = [
  ...[1, 2, 3, 4].map((n) => ({
    number: `+55113000000${n}`,
    provider: "Vivo Empresas",
    gateway: "vivo-sp1",
    monthlyCost: "12.00",
    monthlyPrice: "25.00",
    tenant: "acme",
  })),
  // acme's toll-free line: the operator pays Vivo per minute received and resells it.
  {
    number: "+558007770001",
    provider: "Vivo Empresas",
    gateway: "vivo-sp1",
    monthlyCost: "30.00",
    monthlyPrice: "59.90",
    tenant: "acme",
    inbound: { costMicros: 90_000n, priceMicros: 150_000n },
  },
  ...[1, 2].map((n) => ({
    number: `+55214000000${n}`,
    provider: "Algar Wholesale",
    gateway: "algar-sp1",
    monthlyCost: "9.50",
    monthlyPrice: "19.90",
    tenant: "globex",
  })),
  ...[5, 6, 7, 8].map((n) => ({
    number: `+55113000000${n}`,
    provider: "Vivo Empresas",
    gateway: "vivo-sp1",
    monthlyCost: "12.00",
    monthlyPrice: "25.00",
    tenant: null,
  })),
];

const ALLOCATED_DAYS_AGO = 75;

/**
 * Idempotent: creates what is missing and never changes what exists (an operator's edits, a DID
 * released or re-allocated, a tenant moved to another node all survive a restart).
 */
export async function seedTelephonyNetwork(tx: Prisma.TransactionClient, options: Options): Promise<void> {
  const seal = (plain: string) => sealSecret(plain, options.appSecret);

  const providers = new Map<string, string>();
  for (const { name, ...fields } of PROVIDERS) {
    const row = await tx.provider.upsert({ where: { name }, update: {}, create: { name, ...fields }, select: { id: true } });
    providers.set(name, row.id);
  }

  const gateways = new Map<string, string>();
  for (const { provider, password, ...fields } of GATEWAYS) {
    const row = await tx.gateway.upsert({
      where: { name: fields.name },
      update: {},
      create: {
        ...fields,
        providerId: providers.get(provider)!,
        codecs: ["alaw", "ulaw", "g729"],
        secretEnc: password ? seal(password) : null,
      },
      select: { id: true },
    });
    gateways.set(fields.name, row.id);
  }

  const node = await tx.pbxNode.upsert({
    where: { name: DEMO_PBX_NODE.name },
    update: {},
    create: { ...DEMO_PBX_NODE, amiSecretEnc: seal(options.amiSecret ?? (process.env.PBX_DEMO_AMI_SECRET || "linha-demo-ami")) },
    select: { id: true },
  });

  for (const { gateways: names, ...route } of ROUTES) {
    // No Prisma upsert here: the scope key (tenantId NULL, name) is a NULLS NOT DISTINCT index.
    const existing = await tx.outboundRoute.findFirst({ where: { tenantId: null, name: route.name }, select: { id: true } });
    if (existing) continue;
    await tx.outboundRoute.create({
      data: {
        ...route,
        tenantId: null,
        gateways: { create: names.map((name, position) => ({ gatewayId: gateways.get(name)!, position })) },
      },
    });
  }

  const tenants = await tx.tenant.findMany({
    where: { slug: { in: ["acme", "globex"] } },
    select: { id: true, slug: true, pbxNodeId: true },
  });
  const tenantIds = new Map(tenants.map((t) => [t.slug, t.id]));
  for (const tenant of tenants) {
    if (!tenant.pbxNodeId) await tx.tenant.update({ where: { id: tenant.id }, data: { pbxNodeId: node.id } });
  }

  for (const did of DIDS) {
    const tenantId = did.tenant ? (tenantIds.get(did.tenant) ?? null) : null;
    await tx.did.upsert({
      where: { number: did.number },
      update: {},
      create: {
        number: did.number,
        providerId: providers.get(did.provider)!,
        gatewayId: gateways.get(did.gateway)!,
        monthlyCost: did.monthlyCost,
        monthlyPrice: did.monthlyPrice,
        inboundCostPerMinuteMicros: did.inbound?.costMicros ?? 0n,
        inboundPricePerMinuteMicros: did.inbound?.priceMicros ?? 0n,
        status: tenantId ? "allocated" : "free",
        tenantId,
        // Held since before last month, so the demo's previous-month invoice bills them in full.
        allocatedAt: tenantId ? new Date(Date.now() - ALLOCATED_DAYS_AGO * 86_400_000) : null,
      },
    });
  }
}
