import type { ExtensionOutput } from "@/lib/schemas/extension";
import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { extensionSelect, toExtensionOutput } from "./extension-output";

/** Numeric order for digit strings: "20" before "100" (text order would put "100" first). */
const byNumber = (a: { number: string }, b: { number: string }) => a.number.length - b.number.length || a.number.localeCompare(b.number);

/**
 * The tenant's extensions in numeric order, optionally those whose number, name or member matches
 * `q`. The plan's extension limit bounds this list (200 on the largest plan), so it is returned
 * whole rather than paginated; the filter is what keeps a long roster usable.
 */
export async function listExtensions(db: TenantDb, tenantSlug: string, q?: string): Promise<ExtensionOutput[]> {
  const text = q?.trim();
  const where: Prisma.ExtensionWhereInput | undefined = text
    ? {
        OR: [
          { number: { contains: text } },
          { name: { contains: text, mode: "insensitive" } },
          { membership: { user: { name: { contains: text, mode: "insensitive" } } } },
          { membership: { user: { email: { contains: text, mode: "insensitive" } } } },
        ],
      }
    : undefined;
  const rows = await db.extension.findMany({ where, select: extensionSelect });
  return rows.sort(byNumber).map((row) => toExtensionOutput(row, tenantSlug));
}
