import type { MemberRole, Prisma } from "../generated/client";
import { randomSecret, sealSecret } from "../../server/crypto/secret-box";
import { planMemberExtensions } from "../../server/services/extensions/plan-member-extensions";

/** The demo IP-authenticated trunk of acme: its own PBX at a documentation address (RFC 5737). */
const DEMO_TRUNKS: Record<string, { name: string; ipMatches: string[]; host: string }[]> = {
  acme: [{ name: "matriz", ipMatches: ["203.0.113.10"], host: "203.0.113.10" }],
};

/**
 * Demo telephony: an extension for each member, numbered from 1001 in the order given (acme: ana
 * 1001, marta 1002, rui 1003, bia 1004; globex: gil 1001), with a random SIP secret sealed under
 * `appSecret` (it must be the APP_SECRET the app runs with, or the config loader cannot open it),
 * and acme's `matriz` trunk. Idempotent: members who have an extension and trunks that exist are
 * left alone. `tx` runs as the console role, which sees every tenant: every query names the tenant.
 */
export async function seedTelephonyExtensions(
  tx: Prisma.TransactionClient,
  tenantId: string,
  slug: string,
  memberships: { id: string; role: MemberRole }[],
  appSecret: string,
): Promise<void> {
  const rows = await tx.membership.findMany({
    where: { tenantId, id: { in: memberships.map((m) => m.id) }, extensions: { none: {} } },
    select: { id: true, user: { select: { name: true, email: true } } },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const members = memberships.flatMap((m) => {
    const row = byId.get(m.id);
    return row ? [{ id: row.id, name: row.user.name, email: row.user.email }] : [];
  });
  const taken = new Set((await tx.extension.findMany({ where: { tenantId }, select: { number: true } })).map((e) => e.number));
  const planned = planMemberExtensions(members, taken) ?? [];
  if (planned.length > 0) {
    await tx.extension.createMany({
      data: planned.map((p) => ({
        tenantId,
        number: p.number,
        name: p.name,
        membershipId: p.membershipId,
        secretEnc: sealSecret(randomSecret(), appSecret),
      })),
    });
  }
  for (const trunk of DEMO_TRUNKS[slug] ?? []) {
    await tx.trunk.upsert({
      where: { tenantId_name: { tenantId, name: trunk.name } },
      update: {},
      create: { tenantId, authMode: "ip", codecs: ["alaw", "ulaw"], channelLimit: 10, ...trunk },
    });
  }
}
