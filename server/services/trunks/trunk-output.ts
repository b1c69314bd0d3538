import type { TrunkOutput } from "@/lib/schemas/trunk";
import type { Prisma } from "@/prisma/generated/client";

/** Everything a list or form shows; deliberately not `secretEnc`. */
export const trunkSelect = {
  id: true,
  name: true,
  authMode: true,
  ipMatches: true,
  host: true,
  port: true,
  codecs: true,
  channelLimit: true,
  callerIdPolicy: true,
  callerIdNumber: true,
  operatorManaged: true,
  enabled: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.TrunkSelect;

export type TrunkRow = Prisma.TrunkGetPayload<{ select: typeof trunkSelect }>;

/** `<tenantSlug>_trunk_<name>`: the PJSIP sections of the trunk, and the SIP user of a registration trunk. */
export function trunkEndpointName(tenantSlug: string, name: string): string {
  return `${tenantSlug}_trunk_${name}`;
}

export function toTrunkOutput(row: TrunkRow, tenantSlug: string): TrunkOutput {
  return { ...row, endpoint: trunkEndpointName(tenantSlug, row.name) };
}

/** What the audit log keeps of a trunk (never the password). */
export function trunkSnapshot(trunk: TrunkOutput) {
  const { createdAt: _c, updatedAt: _u, id: _id, ...rest } = trunk;
  return rest;
}
