import type { ReportFilterOptions } from "@/lib/schemas/billing-reports";
import type { TenantDb } from "@/server/db";

/** Everything a report can be filtered by, sorted by name for the pickers. */
export async function reportFilterOptions(db: TenantDb): Promise<ReportFilterOptions> {
  const tenants = await db.tenant.findMany({ select: { id: true, name: true, slug: true }, orderBy: [{ name: "asc" }, { slug: "asc" }] });
  const providers = await db.provider.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  const gateways = await db.gateway.findMany({ select: { name: true, providerId: true }, orderBy: { name: "asc" } });
  return { tenants, providers, gateways };
}
