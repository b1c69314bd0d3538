import type { z } from "zod";
import { inventoryError, type ProviderFields, type ProviderOutput } from "@/lib/schemas/inventory";
import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { assertNoRateDeck } from "@/server/services/billing/decks/assert-no-rate-deck";
import type { RecordAuditFn } from "./inventory-audit";
import { isForeignKeyViolation, isUniqueViolation } from "./unique-violation";

type ProviderData = z.output<typeof ProviderFields>;

const providerSelect = {
  id: true,
  name: true,
  type: true,
  contactName: true,
  contactEmail: true,
  contactPhone: true,
  defaultCostPerMinute: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { gateways: true, dids: true } },
} satisfies Prisma.ProviderSelect;

type ProviderRow = Prisma.ProviderGetPayload<{ select: typeof providerSelect }>;

function toProviderOutput({ _count, defaultCostPerMinute, ...row }: ProviderRow): ProviderOutput {
  return { ...row, defaultCostPerMinute: defaultCostPerMinute.toFixed(4), gatewayCount: _count.gateways, didCount: _count.dids };
}

/** Every field is written: a field left out of an edit is cleared, like an emptied input. */
const columns = (data: ProviderData) => ({
  name: data.name,
  type: data.type,
  contactName: data.contactName ?? null,
  contactEmail: data.contactEmail ?? null,
  contactPhone: data.contactPhone ?? null,
  defaultCostPerMinute: data.defaultCostPerMinute,
});

const notFound = () => new AppError("NOT_FOUND", inventoryError("provider_not_found"));
const nameTaken = () =>
  new AppError("CONFLICT", inventoryError("provider_name_taken"), { fieldErrors: { name: [inventoryError("provider_name_taken")] } });

/**
 * The CSV import finds providers by name without regard to case, so "Vivo" and "VIVO" may not
 * both exist. The unique index (case-sensitive) still decides between two concurrent saves.
 */
async function assertNameFree(db: TenantDb, name: string, exceptId?: string): Promise<void> {
  const clash = await db.provider.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw nameTaken();
}

export async function listProviders(db: TenantDb): Promise<ProviderOutput[]> {
  const rows = await db.provider.findMany({ select: providerSelect, orderBy: { name: "asc" } });
  return rows.map(toProviderOutput);
}

export async function getProvider(db: TenantDb, id: string): Promise<ProviderOutput> {
  const row = await db.provider.findUnique({ where: { id }, select: providerSelect });
  if (!row) throw notFound();
  return toProviderOutput(row);
}

export async function createProvider(db: TenantDb, data: ProviderData, audit: RecordAuditFn): Promise<ProviderOutput> {
  await assertNameFree(db, data.name);
  let created: ProviderOutput;
  try {
    created = toProviderOutput(await db.provider.create({ data: columns(data), select: providerSelect }));
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
  await audit({ action: "provider.create", objectType: "provider", objectId: created.id, after: created });
  return created;
}

export async function updateProvider(db: TenantDb, id: string, data: ProviderData, audit: RecordAuditFn): Promise<ProviderOutput> {
  const before = await getProvider(db, id);
  await assertNameFree(db, data.name, id);
  let after: ProviderOutput;
  try {
    after = toProviderOutput(await db.provider.update({ where: { id }, data: columns(data), select: providerSelect }));
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
  await audit({ action: "provider.update", objectType: "provider", objectId: id, before, after });
  return after;
}

/** Only a provider nothing uses: its gateways and numbers would otherwise lose their owner. */
export async function deleteProvider(db: TenantDb, id: string, audit: RecordAuditFn): Promise<{ id: string }> {
  const before = await getProvider(db, id);
  const inUse = () =>
    new AppError("CONFLICT", inventoryError("provider_in_use", { gateways: before.gatewayCount, dids: before.didCount }), {
      gateways: before.gatewayCount,
      dids: before.didCount,
    });
  if (before.gatewayCount > 0 || before.didCount > 0) throw inUse();
  await assertNoRateDeck(db, { providerId: id });
  try {
    await db.provider.delete({ where: { id } });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw inUse();
    throw error;
  }
  await audit({ action: "provider.delete", objectType: "provider", objectId: id, before });
  return { id };
}
