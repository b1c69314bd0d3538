import type { z } from "zod";
import type { CompanyOutput, CompanyUpdateInput } from "@/lib/schemas/settings";
import type { TenantDb } from "@/server/db";
import type { AuditEntry } from "@/server/services/audit/record-audit";

type UpdateData = z.output<typeof CompanyUpdateInput>;
type Audit = (entry: Omit<AuditEntry, "tenantId">) => Promise<void>;

const companySelect = { slug: true, name: true, cnpj: true, contactEmail: true } as const;

// Tenant is a platform table (no RLS): every query here names the tenant explicitly, and the id
// always comes from the request's host (ctx.tenant), never from input.
export async function getCompany(db: TenantDb, tenantId: string): Promise<CompanyOutput> {
  return db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: companySelect });
}

/** Name, CNPJ and contact e-mail; the slug is the subdomain and the PBX endpoint prefix, so it never changes here. */
export async function updateCompany(db: TenantDb, tenantId: string, data: UpdateData, audit: Audit): Promise<CompanyOutput> {
  const before = await getCompany(db, tenantId);
  const changed = (Object.keys(data) as (keyof UpdateData)[]).filter((key) => data[key] !== before[key]);
  if (changed.length === 0) return before;
  const after = await db.tenant.update({ where: { id: tenantId }, data, select: companySelect });
  await audit({
    action: "tenant.update",
    objectType: "tenant",
    objectId: tenantId,
    before: Object.fromEntries(changed.map((key) => [key, before[key]])),
    after: Object.fromEntries(changed.map((key) => [key, after[key]])),
  });
  return after;
}
