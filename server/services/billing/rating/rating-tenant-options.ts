import type { RatingTenantOption } from "@/lib/schemas/billing-rating";
import type { TenantDb } from "@/server/db";

/** Companies for the re-rating dialog's picker (archived ones too: their past calls can be re-rated). */
export async function ratingTenantOptions(
  db: TenantDb,
  search: string | undefined,
  selectedId: string | undefined,
): Promise<RatingTenantOption[]> {
  const text = search ? { contains: search, mode: "insensitive" as const } : undefined;
  const tenants = await db.tenant.findMany({
    where: text ? { OR: [{ name: text }, { slug: text }] } : {},
    select: { id: true, name: true, slug: true },
    orderBy: { name: "asc" },
    take: 20,
  });
  if (selectedId && !tenants.some((tenant) => tenant.id === selectedId)) {
    const selected = await db.tenant.findUnique({ where: { id: selectedId }, select: { id: true, name: true, slug: true } });
    if (selected) tenants.unshift(selected);
  }
  return tenants;
}
