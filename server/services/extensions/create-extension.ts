import type { z } from "zod";
import { serverEnv } from "@/lib/env";
import type { ExtensionCreateInput, ExtensionOutput } from "@/lib/schemas/extension";
import { Prisma } from "@/prisma/generated/client";
import { randomSecret, sealSecret } from "@/server/crypto/secret-box";
import type { TenantDb } from "@/server/db";
import { assertWithinPlanLimit } from "@/server/services/limits/plan-limits";
import { assertMemberOfTenant, extensionNumberTaken } from "./extension-errors";
import { extensionSelect, toExtensionOutput } from "./extension-output";

type CreateData = z.output<typeof ExtensionCreateInput>;

/**
 * Creates an extension with a fresh SIP secret (stored sealed; revealed only on request). The
 * plan's extension limit is checked in this transaction with the tenant row locked, so two
 * requests racing for the last slot cannot both get it.
 */
export async function createExtension(db: TenantDb, tenant: { id: string; slug: string }, data: CreateData): Promise<ExtensionOutput> {
  await assertMemberOfTenant(db, data.membershipId);
  const existing = await db.extension.findUnique({
    where: { tenantId_number: { tenantId: tenant.id, number: data.number } },
    select: { id: true },
  });
  if (existing) throw extensionNumberTaken(data.number);
  await assertWithinPlanLimit(db, tenant.id, "extensions");
  try {
    const row = await db.extension.create({
      data: {
        tenantId: tenant.id,
        number: data.number,
        name: data.name,
        membershipId: data.membershipId ?? null,
        secretEnc: sealSecret(randomSecret(), serverEnv().APP_SECRET),
      },
      select: extensionSelect,
    });
    return toExtensionOutput(row, tenant.slug);
  } catch (error) {
    // The same number created concurrently: the unique index (tenantId, number) decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw extensionNumberTaken(data.number);
    throw error;
  }
}
