import type { z } from "zod";
import type { RingGroupFields, RingGroupOutput } from "@/lib/schemas/numbers";
import type { TenantDb } from "@/server/db";
import { isUniqueViolation } from "@/server/services/inventory/unique-violation";
import { invalidReference, nameTaken, numbersNotFound } from "./numbers-errors";
import { ringGroupSelect, toRingGroupOutput } from "./ring-group-output";
import { routedNumbers } from "./routed-numbers";

type Fields = z.output<typeof RingGroupFields>;

/** Names are unique per tenant regardless of case: "Vendas" and "vendas" would confuse everyone. */
async function assertNameFree(db: TenantDb, name: string, exceptId?: string): Promise<void> {
  const clash = await db.ringGroup.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw nameTaken("ring_group", name);
}

/** RLS hides another tenant's extensions, so one of theirs fails exactly like a deleted one. */
async function assertExtensionsOfTenant(db: TenantDb, ids: string[]): Promise<void> {
  const found = await db.extension.count({ where: { id: { in: ids } } });
  if (found !== ids.length) throw invalidReference("memberIds", "member_not_found");
}

async function writeMembers(db: TenantDb, tenantId: string, ringGroupId: string, memberIds: string[]): Promise<void> {
  await db.ringGroupMember.deleteMany({ where: { ringGroupId } });
  await db.ringGroupMember.createMany({
    data: memberIds.map((extensionId, position) => ({ tenantId, ringGroupId, extensionId, position })),
  });
}

export async function getRingGroup(db: TenantDb, id: string): Promise<RingGroupOutput> {
  const row = await db.ringGroup.findUnique({ where: { id }, select: ringGroupSelect });
  if (!row) throw numbersNotFound("ring_group_not_found");
  return toRingGroupOutput(row, await routedNumbers(db, { ringGroupId: id }));
}

export async function createRingGroup(db: TenantDb, tenantId: string, fields: Fields): Promise<RingGroupOutput> {
  await assertNameFree(db, fields.name);
  await assertExtensionsOfTenant(db, fields.memberIds);
  try {
    const { id } = await db.ringGroup.create({
      data: { tenantId, name: fields.name, strategy: fields.strategy, ringSeconds: fields.ringSeconds },
      select: { id: true },
    });
    await writeMembers(db, tenantId, id, fields.memberIds);
    return await getRingGroup(db, id);
  } catch (error) {
    // The same name saved concurrently: the unique index (tenantId, name) decides.
    if (isUniqueViolation(error)) throw nameTaken("ring_group", fields.name);
    throw error;
  }
}

/** Replaces the group's settings and its members (in the given order) in one transaction. */
export async function updateRingGroup(
  db: TenantDb,
  tenantId: string,
  id: string,
  fields: Fields,
): Promise<{ before: RingGroupOutput; after: RingGroupOutput }> {
  const before = await getRingGroup(db, id);
  await assertNameFree(db, fields.name, id);
  await assertExtensionsOfTenant(db, fields.memberIds);
  try {
    await db.ringGroup.update({ where: { id }, data: { name: fields.name, strategy: fields.strategy, ringSeconds: fields.ringSeconds } });
    await writeMembers(db, tenantId, id, fields.memberIds);
    return { before, after: await getRingGroup(db, id) };
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken("ring_group", fields.name);
    throw error;
  }
}
