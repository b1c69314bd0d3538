import { addressesOverlap } from "@/lib/telephony/ip-range";
import { telephonyMessage } from "@/lib/schemas/extension";
import { withAdmin, type TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";

/** Serialises saves of IP-authenticated trunks across tenants (a transaction-level advisory lock). */
const TRUNK_ADDRESS_LOCK = 5_060;

/**
 * PJSIP identifies an unauthenticated call by its source address, so no two endpoints of a node
 * may match the same address: a trunk covering a carrier's or another customer's address would
 * take their calls (and the renderer would refuse the whole node's config). A tenant cannot see
 * other tenants' trunks, so the check reads them in the console role, without saying whose they are.
 * The lock makes a concurrent save of an overlapping trunk wait for this one and then see it.
 */
export async function assertTrunkAddressesFree(db: TenantDb, trunkId: string | null, ipMatches: readonly string[]): Promise<void> {
  if (ipMatches.length === 0) return;
  await db.$executeRaw`SELECT pg_advisory_xact_lock(${TRUNK_ADDRESS_LOCK}, 0)`;
  // One after the other: a transaction is one connection, and pg 9 refuses overlapping queries on it.
  const taken = await withAdmin(async (admin) => {
    const trunks = await admin.trunk.findMany({
      where: { authMode: "ip", ...(trunkId ? { id: { not: trunkId } } : {}) },
      select: { ipMatches: true },
    });
    const gateways = await admin.gateway.findMany({ select: { host: true } });
    return [...trunks.flatMap((t) => t.ipMatches), ...gateways.map((g) => g.host)];
  });
  const fieldErrors: Record<string, string[]> = {};
  ipMatches.forEach((ip, index) => {
    if (taken.some((other) => addressesOverlap(ip, other))) {
      fieldErrors[`ipMatches.${index}`] = [telephonyMessage("telephony.trunks.errors.ip_in_use", { ip })];
    }
  });
  const first = Object.values(fieldErrors)[0];
  if (first) throw new AppError("CONFLICT", first[0]!, { fieldErrors });
}
