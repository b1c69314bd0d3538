import type { z } from "zod";
import { serverEnv } from "@/lib/env";
import { telephonyMessage, type ExtensionCreateInput, type ExtensionWithSecret } from "@/lib/schemas/extension";
import { Prisma } from "@/prisma/generated/client";
import { randomSecret, sealSecret } from "@/server/crypto/secret-box";
import type { TenantDb } from "@/server/db";
import { assertWithinPlanLimit } from "@/server/services/limits/plan-limits";
import {
  assertMemberOfTenant,
  assertMemberWithoutExtension,
  extensionNumberTaken,
  lockTenantExtensions,
  tenantDidNumber,
} from "./extension-errors";
import { extensionSelect, toExtensionOutput } from "./extension-output";

type CreateData = z.output<typeof ExtensionCreateInput>;

/**
 * Creates an extension with a fresh SIP secret, stored sealed and returned this once. The plan's
 * extension limit is checked in this transaction with the tenant row locked, so two requests
 * racing for the last slot (or for the same member) cannot both get it.
 */
export async function createExtension(db: TenantDb, tenant: { id: string; slug: string }, data: CreateData): Promise<ExtensionWithSecret> {
  await lockTenantExtensions(db, tenant.id);
  await assertMemberOfTenant(db, data.membershipId);
  const existing = await db.extension.findUnique({
    where: { tenantId_number: { tenantId: tenant.id, number: data.number } },
    select: { id: true },
  });
  if (existing) throw extensionNumberTaken(data.number);
  await assertMemberWithoutExtension(db, data.membershipId);
  const callerIdNumber = await tenantDidNumber(
    db,
    tenant.id,
    data.callerIdNumber,
    "callerIdNumber",
    telephonyMessage("telephony.extensions.errors.caller_id_not_did"),
  );
  await assertWithinPlanLimit(db, tenant.id, "extensions");
  const secret = randomSecret();
  try {
    const row = await db.extension.create({
      data: {
        tenantId: tenant.id,
        number: data.number,
        name: data.name,
        membershipId: data.membershipId ?? null,
        callerIdNumber,
        voicemail: data.voicemail ?? false,
        maxContacts: data.maxContacts ?? 1,
        enabled: data.enabled ?? true,
        secretEnc: sealSecret(secret, serverEnv().APP_SECRET),
      },
      select: extensionSelect,
    });
    return { extension: toExtensionOutput(row, tenant.slug), secret };
  } catch (error) {
    // The same number created concurrently: the unique index (tenantId, number) decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw extensionNumberTaken(data.number);
    throw error;
  }
}
