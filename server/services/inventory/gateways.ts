import type { z } from "zod";
import { serverEnv } from "@/lib/env";
import { routesMessage } from "@/lib/schemas/outbound-route";
import { inventoryError, type GatewayFields, type GatewayOutput } from "@/lib/schemas/inventory";
import type { Prisma } from "@/prisma/generated/client";
import { sealSecret } from "@/server/crypto/secret-box";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { assertNoRateDeck } from "@/server/services/billing/decks/assert-no-rate-deck";
import { requestSyncOfEveryNode } from "@/server/services/routes/request-route-sync";
import type { RecordAuditFn } from "./inventory-audit";
import { isUniqueViolation } from "./unique-violation";

type GatewayData = z.output<typeof GatewayFields>;

// secretEnc is read only to say whether one is stored; toGatewayOutput drops it.
const gatewaySelect = {
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
  createdAt: true,
  updatedAt: true,
  provider: { select: { id: true, name: true } },
  _count: { select: { dids: true } },
} satisfies Prisma.GatewaySelect;

type GatewayRow = Prisma.GatewayGetPayload<{ select: typeof gatewaySelect }>;

function toGatewayOutput({ secretEnc, _count, ...row }: GatewayRow): GatewayOutput {
  return { ...row, hasSecret: secretEnc !== null, didCount: _count.dids };
}

const fieldError = (code: AppError["code"], field: string, key: Parameters<typeof inventoryError>[0]) =>
  new AppError(code, inventoryError(key), { fieldErrors: { [field]: [inventoryError(key)] } });
const notFound = () => new AppError("NOT_FOUND", inventoryError("gateway_not_found"));
const nameTaken = () => fieldError("CONFLICT", "name", "gateway_name_taken");

async function assertProviderExists(db: TenantDb, providerId: string): Promise<void> {
  const provider = await db.provider.findUnique({ where: { id: providerId }, select: { id: true } });
  if (!provider) throw fieldError("NOT_FOUND", "providerId", "provider_not_found");
}

/** The columns to write; the password is sealed here and nowhere else. */
function columns(data: GatewayData, keptSecretEnc: string | null) {
  const credentials = data.authMode === "credentials";
  return {
    providerId: data.providerId,
    name: data.name,
    host: data.host,
    port: data.port,
    transport: data.transport,
    codecs: data.codecs,
    techPrefix: data.techPrefix ?? null,
    authMode: data.authMode,
    username: credentials ? (data.username ?? null) : null,
    secretEnc: credentials ? (data.password ? sealSecret(data.password, serverEnv().APP_SECRET) : keptSecretEnc) : null,
  };
}

export async function listGateways(db: TenantDb, filter: { providerId?: string }): Promise<GatewayOutput[]> {
  const rows = await db.gateway.findMany({
    where: filter.providerId ? { providerId: filter.providerId } : {},
    select: gatewaySelect,
    orderBy: { name: "asc" },
  });
  return rows.map(toGatewayOutput);
}

export async function getGateway(db: TenantDb, id: string): Promise<GatewayOutput> {
  const row = await db.gateway.findUnique({ where: { id }, select: gatewaySelect });
  if (!row) throw notFound();
  return toGatewayOutput(row);
}

async function saving<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

export async function createGateway(db: TenantDb, data: GatewayData, audit: RecordAuditFn): Promise<GatewayOutput> {
  await assertProviderExists(db, data.providerId);
  if (data.authMode === "credentials" && !data.password) throw fieldError("INVALID_INPUT", "password", "secret_required");
  if (await db.gateway.findUnique({ where: { name: data.name }, select: { id: true } })) throw nameTaken();
  const created = toGatewayOutput(await saving(() => db.gateway.create({ data: columns(data, null), select: gatewaySelect })));
  await audit({ action: "gateway.create", objectType: "gateway", objectId: created.id, after: created });
  // Every node's pjsip_gateways.conf lists every gateway (any tenant's call may leave through it).
  await requestSyncOfEveryNode(db, "gateway.create");
  return created;
}

/** An empty password keeps the stored one; switching to IP matching forgets the credentials. */
export async function updateGateway(db: TenantDb, id: string, data: GatewayData, audit: RecordAuditFn): Promise<GatewayOutput> {
  const existing = await db.gateway.findUnique({ where: { id }, select: gatewaySelect });
  if (!existing) throw notFound();
  const before = toGatewayOutput(existing);
  if (data.providerId !== before.provider.id) {
    await assertProviderExists(db, data.providerId);
    // Its numbers belong to the old provider; a gateway of another provider cannot carry them.
    if (before.didCount > 0) throw fieldError("CONFLICT", "providerId", "gateway_provider_locked");
  }
  if (data.authMode === "credentials" && !data.password && !existing.secretEnc) {
    throw fieldError("INVALID_INPUT", "password", "secret_required");
  }
  const clash = await db.gateway.findUnique({ where: { name: data.name }, select: { id: true } });
  if (clash && clash.id !== id) throw nameTaken();
  const after = toGatewayOutput(
    await saving(() => db.gateway.update({ where: { id }, data: columns(data, existing.secretEnc), select: gatewaySelect })),
  );
  await audit({
    action: "gateway.update",
    objectType: "gateway",
    objectId: id,
    before,
    // Whether the credentials changed, without a trace of them.
    after: { ...after, credentialsReplaced: Boolean(data.authMode === "credentials" && data.password) },
  });
  await requestSyncOfEveryNode(db, "gateway.update");
  return after;
}

/**
 * Its numbers stay in the inventory without a gateway (the foreign key sets it to null). A gateway
 * an outbound route still dials is refused with the routes' names (the foreign key restricts it).
 */
export async function deleteGateway(db: TenantDb, id: string, audit: RecordAuditFn): Promise<{ id: string }> {
  const before = await getGateway(db, id);
  const routes = await db.outboundRouteGateway.findMany({
    where: { gatewayId: id },
    select: { route: { select: { name: true, tenant: { select: { slug: true } } } } },
    take: 6,
  });
  if (routes.length > 0) {
    const names = routes.slice(0, 5).map(({ route }) => (route.tenant ? `${route.tenant.slug}/${route.name}` : route.name));
    const count = await db.outboundRouteGateway.count({ where: { gatewayId: id } });
    const routeList = names.join(", ") + (count > 5 ? ", …" : "");
    throw new AppError("CONFLICT", routesMessage("routes.errors.gateway_in_use", { count, routes: routeList }), { routes: count });
  }
  await assertNoRateDeck(db, { gatewayId: id });
  await db.gateway.delete({ where: { id } });
  await audit({ action: "gateway.delete", objectType: "gateway", objectId: id, before });
  await requestSyncOfEveryNode(db, "gateway.delete");
  return { id };
}
