import type { CrmSettings } from "@/lib/schemas/scoring";
import type { TenantDb } from "@/server/db";
import type { AuditEntry } from "@/server/services/audit/record-audit";

type Audit = (entry: Omit<AuditEntry, "tenantId">) => Promise<void>;

// Tenant is a platform table (no RLS): every query names the tenant, whose id always comes from
// the request's host (ctx.tenant), never from input. Kept beside scoring because the CRM settings
// card lives on the same settings area.

export async function getCrmSettings(db: TenantDb, tenantId: string): Promise<CrmSettings> {
  return db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { leadVisibility: true } });
}

/** Who among reps sees which leads (server/services/crm/access.ts); takes effect on the next request. */
export async function updateCrmSettings(db: TenantDb, tenantId: string, data: CrmSettings, audit: Audit): Promise<CrmSettings> {
  const before = await getCrmSettings(db, tenantId);
  if (before.leadVisibility === data.leadVisibility) return before;
  const after = await db.tenant.update({
    where: { id: tenantId },
    data: { leadVisibility: data.leadVisibility },
    select: { leadVisibility: true },
  });
  await audit({ action: "tenant.crm_settings", objectType: "tenant", objectId: tenantId, before, after });
  return after;
}
