import type { InvoiceTenantOption } from "@/lib/schemas/billing-invoices";
import type { TenantDb } from "@/server/db";

const select = { id: true, name: true, slug: true } as const;

/**
 * Companies for the invoice list's filter, by name or slug, archived ones too (they keep their
 * invoices); the one already picked comes first whatever the search, so its name can be shown.
 */
export async function listInvoiceTenantOptions(
  db: TenantDb,
  search: string | undefined,
  selectedId?: string,
): Promise<InvoiceTenantOption[]> {
  const text = search ? { contains: search, mode: "insensitive" as const } : undefined;
  const options = await db.tenant.findMany({
    where: text ? { OR: [{ name: text }, { slug: text }] } : {},
    select,
    orderBy: { name: "asc" },
    take: 20,
  });
  if (!selectedId || options.some((o) => o.id === selectedId)) return options;
  const selected = await db.tenant.findUnique({ where: { id: selectedId }, select });
  return selected ? [selected, ...options] : options;
}
