import { serverEnv } from "@/lib/env";
import type { ExtensionWithSecret } from "@/lib/schemas/extension";
import { randomSecret, sealSecret } from "@/server/crypto/secret-box";
import type { TenantDb } from "@/server/db";
import { extensionNotFound } from "./extension-errors";
import { extensionSelect, toExtensionOutput } from "./extension-output";

/**
 * Replaces the SIP secret and returns the new one, once. The old one is gone: there is no way to
 * read a stored secret back except the config loader's.
 */
export async function regenerateExtensionSecret(db: TenantDb, tenantSlug: string, id: string): Promise<ExtensionWithSecret> {
  if (!(await db.extension.findUnique({ where: { id }, select: { id: true } }))) throw extensionNotFound();
  const secret = randomSecret();
  const row = await db.extension.update({
    where: { id },
    data: { secretEnc: sealSecret(secret, serverEnv().APP_SECRET) },
    select: extensionSelect,
  });
  return { extension: toExtensionOutput(row, tenantSlug), secret };
}
