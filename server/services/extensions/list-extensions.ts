import type { ExtensionOutput } from "@/lib/schemas/extension";
import type { TenantDb } from "@/server/db";
import { extensionSelect, toExtensionOutput } from "./extension-output";

/** Numeric order for digit strings: "20" before "100" (text order would put "100" first). */
const byNumber = (a: { number: string }, b: { number: string }) => a.number.length - b.number.length || a.number.localeCompare(b.number);

/**
 * The tenant's extensions in numeric order. The plan's extension limit bounds this list (it is
 * the telephony settings' full roster), so it is returned whole rather than paginated.
 */
export async function listExtensions(db: TenantDb, tenantSlug: string): Promise<ExtensionOutput[]> {
  const rows = await db.extension.findMany({ select: extensionSelect });
  return rows.sort(byNumber).map((row) => toExtensionOutput(row, tenantSlug));
}
