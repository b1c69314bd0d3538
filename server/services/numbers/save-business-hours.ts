import type { z } from "zod";
import type { BusinessHoursFields, BusinessHoursOutput } from "@/lib/schemas/numbers";
import type { TenantDb } from "@/server/db";
import { isUniqueViolation } from "@/server/services/inventory/unique-violation";
import { businessHoursSelect, toBusinessHoursOutput } from "./business-hours-output";
import { nameTaken, numbersNotFound } from "./numbers-errors";
import { routedNumbers } from "./routed-numbers";

type Fields = z.output<typeof BusinessHoursFields>;

async function assertNameFree(db: TenantDb, name: string, exceptId?: string): Promise<void> {
  const clash = await db.businessHours.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw nameTaken("hours", name);
}

export async function getBusinessHours(db: TenantDb, id: string): Promise<BusinessHoursOutput> {
  const row = await db.businessHours.findUnique({ where: { id }, select: businessHoursSelect });
  if (!row) throw numbersNotFound("hours_not_found");
  return toBusinessHoursOutput(row, await routedNumbers(db, { businessHoursId: id }));
}

export async function createBusinessHours(db: TenantDb, tenantId: string, fields: Fields): Promise<BusinessHoursOutput> {
  await assertNameFree(db, fields.name);
  try {
    const row = await db.businessHours.create({
      data: { tenantId, name: fields.name, timezone: fields.timezone, rules: fields.rules },
      select: businessHoursSelect,
    });
    return toBusinessHoursOutput(row, []);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken("hours", fields.name);
    throw error;
  }
}

export async function updateBusinessHours(
  db: TenantDb,
  id: string,
  fields: Fields,
): Promise<{ before: BusinessHoursOutput; after: BusinessHoursOutput }> {
  const before = await getBusinessHours(db, id);
  await assertNameFree(db, fields.name, id);
  try {
    const row = await db.businessHours.update({
      where: { id },
      data: { name: fields.name, timezone: fields.timezone, rules: fields.rules },
      select: businessHoursSelect,
    });
    return { before, after: toBusinessHoursOutput(row, before.usedBy) };
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken("hours", fields.name);
    throw error;
  }
}
