import { serverEnv } from "@/lib/env";
import { telephonyMessage, type ExtensionWithSecret } from "@/lib/schemas/extension";
import { randomSecret, sealSecret } from "@/server/crypto/secret-box";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { assertWithinPlanLimit } from "@/server/services/limits/plan-limits";
import { lockTenantExtensions } from "./extension-errors";
import { extensionSelect, toExtensionOutput } from "./extension-output";
import { planMemberExtensions } from "./plan-member-extensions";

/**
 * "Create an extension for every member without one", all or nothing: when the plan cannot hold
 * them all it refuses with the plan-limit error and creates none. Returns each new extension with
 * its SIP secret (shown once).
 */
export async function createMemberExtensions(db: TenantDb, tenant: { id: string; slug: string }): Promise<ExtensionWithSecret[]> {
  await lockTenantExtensions(db, tenant.id);
  const members = await db.membership.findMany({
    where: { extensions: { none: {} } },
    select: { id: true, user: { select: { name: true, email: true } } },
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
  });
  if (members.length === 0) return [];
  await assertWithinPlanLimit(db, tenant.id, "extensions", members.length);
  const taken = new Set((await db.extension.findMany({ select: { number: true } })).map((e) => e.number));
  const planned = planMemberExtensions(
    members.map((m) => ({ id: m.id, name: m.user.name, email: m.user.email })),
    taken,
  );
  if (!planned) throw new AppError("CONFLICT", telephonyMessage("telephony.extensions.errors.no_free_numbers"));

  const appSecret = serverEnv().APP_SECRET;
  const secrets = new Map(planned.map((p) => [p.number, randomSecret()]));
  await db.extension.createMany({
    data: planned.map((p) => ({
      tenantId: tenant.id,
      number: p.number,
      name: p.name,
      membershipId: p.membershipId,
      secretEnc: sealSecret(secrets.get(p.number)!, appSecret),
    })),
  });
  const rows = await db.extension.findMany({ where: { number: { in: planned.map((p) => p.number) } }, select: extensionSelect });
  const byNumber = new Map(rows.map((row) => [row.number, row]));
  return planned.map((p) => ({ extension: toExtensionOutput(byNumber.get(p.number)!, tenant.slug), secret: secrets.get(p.number)! }));
}
