import type {
  BusinessHoursRule,
  Destination,
  DidModel,
  ExtensionModel,
  GatewayModel,
  PbxConfigModel,
  RouteModel,
  TenantModel,
} from "@/asterisk/config/model";
import { asciiCallerIdName } from "@/lib/telephony/allow-list";
import { serverEnv } from "@/lib/env";
import type { DidDestinationType } from "@/prisma/generated/client";
import { openSecret } from "@/server/crypto/secret-box";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";

// Reads everything one PBX node's config is rendered from, with secrets opened, in a handful of
// queries whatever the number of tenants, and sorted so the same data always renders the same bytes.
// Disabled rows are included with their flag: the renderer leaves them out but still checks every
// reference to them. Run it with withAdmin(): the console's role sees every tenant's rows.
//
// The two biggest reads (DIDs with their routes, ring group members) are raw SQL: Prisma's nested
// selects load each relation with its own IN-list query and map every row through its engine,
// which took seconds at 20,000 DIDs; one join each takes a fraction of that.

// Opening 10,000 sealed SIP secrets costs most of a second; they rarely change between syncs. The
// cache is keyed by the sealed text (a new secret is a new key) and holds what this process could
// decrypt anyway with APP_SECRET; it is dropped whole when it grows past the bound.
const OPENED_CACHE_MAX = 100_000;
const globalForSecrets = globalThis as unknown as { linhaOpenedSecrets?: Map<string, string> };

function openCached(sealed: string, appSecret: string): string {
  const cache = (globalForSecrets.linhaOpenedSecrets ??= new Map());
  let plain = cache.get(sealed);
  if (plain === undefined) {
    plain = openSecret(sealed, appSecret);
    if (cache.size >= OPENED_CACHE_MAX) cache.clear();
    cache.set(sealed, plain);
  }
  return plain;
}

const byKey =
  <T>(key: (item: T) => string | number) =>
  (a: T, b: T) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };

type RouteRow = {
  id: string;
  name: string;
  pattern: string;
  priority: number;
  stripDigits: number;
  prepend: string | null;
  callerIdNumber: string | null;
  gateways: { gateway: { name: string } }[];
};

const routeSelect = {
  id: true,
  name: true,
  pattern: true,
  priority: true,
  stripDigits: true,
  prepend: true,
  callerIdNumber: true,
  tenantId: true,
  gateways: { orderBy: { position: "asc" as const }, select: { gateway: { select: { name: true } } } },
};

function routeModel(route: RouteRow): RouteModel {
  return {
    id: route.id,
    name: route.name,
    pattern: route.pattern,
    priority: route.priority,
    stripDigits: route.stripDigits,
    prepend: route.prepend,
    callerIdNumber: route.callerIdNumber,
    gateways: route.gateways.map((g) => g.gateway.name),
  };
}

const sortRoutes = (routes: RouteModel[]) => routes.sort((a, b) => a.priority - b.priority || byKey<RouteModel>((r) => r.name)(a, b));

type DidRow = {
  number: string;
  tenantId: string;
  routeId: string | null;
  destType: DidDestinationType | null;
  extensionNumber: string | null;
  ringGroupId: string | null;
  trunkId: string | null;
  businessHoursId: string | null;
  afterType: DidDestinationType | null;
  afterExtensionNumber: string | null;
  afterRingGroupId: string | null;
  afterTrunkId: string | null;
};

function destination(
  type: DidDestinationType | null,
  extensionNumber: string | null,
  ringGroupId: string | null,
  trunkId: string | null,
): Destination | null {
  switch (type) {
    case null:
      return null;
    case "extension":
      return extensionNumber ? { type: "extension", number: extensionNumber } : { type: "unavailable" };
    case "ring_group":
      return ringGroupId ? { type: "ring_group", ringGroupId } : { type: "unavailable" };
    case "trunk":
      return trunkId ? { type: "trunk", trunkId } : { type: "unavailable" };
    case "unavailable":
      return { type: "unavailable" };
  }
}

export async function loadPbxConfigModel(db: TenantDb, nodeId: string): Promise<PbxConfigModel> {
  const node = await db.pbxNode.findUnique({ where: { id: nodeId }, select: { id: true, name: true } });
  if (!node) throw new AppError("NOT_FOUND", "errors.not_found");
  const appSecret = serverEnv().APP_SECRET;
  const onNode = { tenant: { pbxNodeId: nodeId } };

  // Sequential on purpose: the queries share the caller's transaction (one connection).
  const tenants = await db.tenant.findMany({
    where: { pbxNodeId: nodeId },
    select: { id: true, slug: true, status: true, plan: { select: { features: true } } },
  });
  const extensions = await db.extension.findMany({
    where: onNode,
    select: {
      id: true,
      tenantId: true,
      number: true,
      name: true,
      callerIdNumber: true,
      secretEnc: true,
      voicemail: true,
      maxContacts: true,
      enabled: true,
    },
  });
  const trunks = await db.trunk.findMany({ where: onNode });
  const ringGroups = await db.ringGroup.findMany({
    where: onNode,
    select: { id: true, tenantId: true, name: true, strategy: true, ringSeconds: true },
  });
  const members = await db.$queryRaw<{ ringGroupId: string; number: string }[]>`
    SELECT m."ringGroupId", e.number
    FROM "RingGroupMember" m
    JOIN "Tenant" t ON t.id = m."tenantId" AND t."pbxNodeId" = ${nodeId}::uuid
    JOIN "Extension" e ON e.id = m."extensionId"
    ORDER BY m."ringGroupId", m.position`;
  const businessHours = await db.businessHours.findMany({
    where: onNode,
    select: { id: true, tenantId: true, name: true, timezone: true, rules: true },
  });
  const dids = await db.$queryRaw<DidRow[]>`
    SELECT d.number, d."tenantId", r.id AS "routeId",
           r."destType", e.number AS "extensionNumber", r."ringGroupId", r."trunkId", r."businessHoursId",
           r."afterType", ae.number AS "afterExtensionNumber", r."afterRingGroupId", r."afterTrunkId"
    FROM "Did" d
    JOIN "Tenant" t ON t.id = d."tenantId" AND t."pbxNodeId" = ${nodeId}::uuid
    LEFT JOIN "DidRoute" r ON r."didId" = d.id
    LEFT JOIN "Extension" e ON e.id = r."extensionId"
    LEFT JOIN "Extension" ae ON ae.id = r."afterExtensionId"
    WHERE d.status = 'allocated'`;
  const gateways = await db.gateway.findMany({
    select: {
      id: true,
      name: true,
      host: true,
      port: true,
      transport: true,
      codecs: true,
      techPrefix: true,
      authMode: true,
      username: true,
      secretEnc: true,
    },
  });
  const routes = await db.outboundRoute.findMany({
    where: { enabled: true, OR: [{ tenantId: null }, onNode] },
    select: routeSelect,
  });

  const model = new Map<string, TenantModel>();
  const overridesAllowed = new Set<string>();
  for (const tenant of tenants) {
    if (tenant.plan.features.includes("route_overrides")) overridesAllowed.add(tenant.id);
    model.set(tenant.id, {
      id: tenant.id,
      code: tenant.slug,
      // Archived tenants are kept out of Asterisk like suspended ones.
      suspended: tenant.status !== "active",
      // Recording is a plan feature: the dialplan records (MixMonitor) only where the plan allows it.
      recordCalls: tenant.plan.features.includes("call_recording"),
      extensions: [],
      trunks: [],
      ringGroups: [],
      businessHours: [],
      dids: [],
      routes: [],
    });
  }
  const of = (tenantId: string | null) => (tenantId ? model.get(tenantId) : undefined);

  for (const e of extensions) {
    const extension: ExtensionModel = {
      id: e.id,
      number: e.number,
      callerIdName: asciiCallerIdName(e.name) ?? e.number,
      callerIdNumber: e.callerIdNumber,
      secret: openCached(e.secretEnc, appSecret),
      voicemail: e.voicemail,
      maxContacts: e.maxContacts,
      enabled: e.enabled,
    };
    of(e.tenantId)?.extensions.push(extension);
  }
  for (const t of trunks) {
    of(t.tenantId)?.trunks.push({
      id: t.id,
      name: t.name,
      authMode: t.authMode,
      ipMatches: [...t.ipMatches].sort(),
      host: t.host,
      port: t.port,
      secret: t.secretEnc ? openCached(t.secretEnc, appSecret) : null,
      codecs: t.codecs,
      channelLimit: t.channelLimit,
      callerIdPolicy: t.callerIdPolicy,
      callerIdNumber: t.callerIdNumber,
      enabled: t.enabled,
    });
  }
  const membersOf = new Map<string, string[]>();
  for (const m of members) {
    const list = membersOf.get(m.ringGroupId);
    if (list) list.push(m.number);
    else membersOf.set(m.ringGroupId, [m.number]);
  }
  for (const g of ringGroups) {
    of(g.tenantId)?.ringGroups.push({
      id: g.id,
      name: g.name,
      strategy: g.strategy,
      ringSeconds: g.ringSeconds,
      members: membersOf.get(g.id) ?? [],
    });
  }
  for (const h of businessHours) {
    of(h.tenantId)?.businessHours.push({ id: h.id, name: h.name, timezone: h.timezone, rules: h.rules as BusinessHoursRule[] });
  }
  for (const d of dids) {
    const routed = d.routeId !== null;
    const did: DidModel = {
      number: d.number,
      destination: routed ? destination(d.destType, d.extensionNumber, d.ringGroupId, d.trunkId) : null,
      businessHoursId: d.businessHoursId,
      afterHours: routed ? destination(d.afterType, d.afterExtensionNumber, d.afterRingGroupId, d.afterTrunkId) : null,
    };
    of(d.tenantId)?.dids.push(did);
  }
  const operatorRoutes: RouteModel[] = [];
  for (const route of routes) {
    if (route.tenantId === null) operatorRoutes.push(routeModel(route));
    else if (overridesAllowed.has(route.tenantId)) of(route.tenantId)?.routes.push(routeModel(route));
  }

  const gatewayModels: GatewayModel[] = gateways.map((g) => ({
    id: g.id,
    name: g.name,
    host: g.host,
    port: g.port,
    transport: g.transport,
    codecs: g.codecs,
    techPrefix: g.techPrefix,
    authMode: g.authMode,
    username: g.username,
    secret: g.secretEnc ? openSecret(g.secretEnc, appSecret) : null,
  }));

  const tenantModels = [...model.values()].sort(byKey((t) => t.code));
  for (const t of tenantModels) {
    t.extensions.sort(byKey((e) => e.number));
    t.trunks.sort(byKey((x) => x.name));
    t.ringGroups.sort(byKey((x) => `${x.name}\0${x.id}`));
    t.businessHours.sort(byKey((x) => `${x.name}\0${x.id}`));
    t.dids.sort(byKey((x) => x.number));
    sortRoutes(t.routes);
  }
  return {
    node,
    gateways: gatewayModels.sort(byKey((g) => g.name)),
    routes: sortRoutes(operatorRoutes),
    tenants: tenantModels,
  };
}
