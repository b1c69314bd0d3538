import { BusinessHoursRule, type BusinessHoursOutput } from "@/lib/schemas/numbers";
import type { Prisma } from "@/prisma/generated/client";

export const businessHoursSelect = {
  id: true,
  name: true,
  timezone: true,
  rules: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.BusinessHoursSelect;

type BusinessHoursRow = Prisma.BusinessHoursGetPayload<{ select: typeof businessHoursSelect }>;

/** Rules are JSON in the database (written only through BusinessHoursFields); parsed on the way out. */
export function parseRules(rules: Prisma.JsonValue): BusinessHoursRule[] {
  return BusinessHoursRule.array().parse(rules);
}

export function toBusinessHoursOutput(row: BusinessHoursRow, usedBy: string[]): BusinessHoursOutput {
  return { ...row, rules: parseRules(row.rules), usedBy };
}

export function businessHoursSnapshot(hours: BusinessHoursOutput) {
  return { name: hours.name, timezone: hours.timezone, rules: hours.rules };
}
