import { formatPhone } from "@/lib/phone";
import type { DestinationOutput, TenantDidOutput } from "@/lib/schemas/numbers";
import type { DidDestinationType, Prisma } from "@/prisma/generated/client";
import { parseRules } from "./business-hours-output";

const extension = { select: { id: true, number: true, name: true } } as const;
const named = { select: { id: true, name: true } } as const;

export const tenantDidSelect = {
  id: true,
  number: true,
  allocatedAt: true,
  route: {
    select: {
      destType: true,
      extension,
      ringGroup: named,
      trunk: named,
      businessHours: { select: { id: true, name: true, timezone: true, rules: true } },
      afterType: true,
      afterExtension: extension,
      afterRingGroup: named,
      afterTrunk: named,
      updatedAt: true,
    },
  },
} satisfies Prisma.DidSelect;

type DidRow = Prisma.DidGetPayload<{ select: typeof tenantDidSelect }>;
type Target = { id: string; name: string; number?: string } | null;

function destination(type: DidDestinationType, target: { extension: Target; ringGroup: Target; trunk: Target }): DestinationOutput {
  const row = type === "extension" ? target.extension : type === "ring_group" ? target.ringGroup : type === "trunk" ? target.trunk : null;
  if (!row) return { type, targetId: null, label: null };
  return { type, targetId: row.id, label: row.number ? `${row.number} · ${row.name}` : row.name };
}

export function toTenantDidOutput(row: DidRow): TenantDidOutput {
  const route = row.route;
  return {
    id: row.id,
    number: row.number,
    display: formatPhone(row.number),
    allocatedAt: row.allocatedAt,
    route: route && {
      destination: destination(route.destType, route),
      businessHours: route.businessHours && { ...route.businessHours, rules: parseRules(route.businessHours.rules) },
      afterHours: route.afterType
        ? destination(route.afterType, { extension: route.afterExtension, ringGroup: route.afterRingGroup, trunk: route.afterTrunk })
        : null,
      updatedAt: route.updatedAt,
    },
  };
}

/** What the audit log keeps of a DID's routing: the labels people recognise, plus the ids. */
export function didRouteSnapshot(did: TenantDidOutput) {
  const route = did.route;
  return {
    number: did.number,
    destination: route?.destination ?? { type: "unavailable", targetId: null, label: null },
    businessHours: route?.businessHours ? { id: route.businessHours.id, name: route.businessHours.name } : null,
    afterHours: route?.afterHours ?? null,
  };
}
