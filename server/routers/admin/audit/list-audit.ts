import type { z } from "zod";
import type { AuditListInput, AuditPage } from "@/lib/schemas/tenant";
import type { TenantDb } from "@/server/db";
import { listAuditEntries } from "@/server/services/audit/list-audit-entries";

/** The console's audit log: every tenant's entries and the platform's, each named by its tenant. */
export async function listConsoleAudit(db: TenantDb, input: z.output<typeof AuditListInput>): Promise<AuditPage> {
  const page = await listAuditEntries(db, {
    ...input,
    action: input.action || undefined,
    objectType: input.objectType || undefined,
    actor: input.actor || undefined,
  });
  const tenantIds = [...new Set(page.items.map((e) => e.tenantId).filter((id): id is string => id !== null))];
  const tenants = tenantIds.length
    ? await db.tenant.findMany({ where: { id: { in: tenantIds } }, select: { id: true, slug: true, name: true } })
    : [];
  const byId = new Map(tenants.map((t) => [t.id, t]));
  return {
    items: page.items.map(({ tenantId, ...entry }) => ({ ...entry, tenant: tenantId ? (byId.get(tenantId) ?? null) : null })),
    nextCursor: page.nextCursor,
  };
}
