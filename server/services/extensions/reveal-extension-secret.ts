import { serverEnv } from "@/lib/env";
import type { ExtensionSecretOutput } from "@/lib/schemas/extension";
import { openSecret } from "@/server/crypto/secret-box";
import type { TenantDb } from "@/server/db";
import { extensionNotFound } from "./extension-errors";
import { endpointName } from "./extension-output";

/** The SIP password in clear, for configuring a phone. Callers must audit that it was revealed. */
export async function revealExtensionSecret(db: TenantDb, tenantSlug: string, id: string): Promise<ExtensionSecretOutput> {
  const row = await db.extension.findUnique({ where: { id }, select: { id: true, number: true, secretEnc: true } });
  if (!row) throw extensionNotFound();
  return { id: row.id, endpoint: endpointName(tenantSlug, row.number), secret: openSecret(row.secretEnc, serverEnv().APP_SECRET) };
}
