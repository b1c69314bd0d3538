import type { DuplicateKey, LeadImportDuplicate } from "@/lib/schemas/lead-import";
import type { TenantDb } from "@/server/db";
import { visibleLeadWhere, type CrmViewer } from "@/server/services/crm/access";
import type { DuplicateKeys } from "./duplicate-keys";

type ExistingLead = { id: string; name: string; visible: boolean };
export type ExistingLeadIndex = Map<string, ExistingLead>;

const ID_BATCH = 5_000;

/**
 * The tenant's leads sharing an e-mail, phone or CNPJ with any of `keys`, indexed by
 * "field:value". Every lead counts (a duplicate is a duplicate whoever owns it), but only the
 * ones the viewer may see are named: another rep's private lead is "already in the workspace".
 *
 * Raw SQL because a 20,000-row file gives up to 60,000 values: three array parameters and one
 * round trip (the (tenantId, email|phone|cnpj) indexes answer it) instead of an IN list per key.
 */
export async function loadExistingLeads(db: TenantDb, viewer: CrmViewer, keys: readonly DuplicateKeys[]): Promise<ExistingLeadIndex> {
  const values = (field: DuplicateKey) => [...new Set(keys.map((k) => k[field]).filter((v): v is string => v !== null))];
  const [emails, phones, cnpjs] = [values("email"), values("phone"), values("cnpj")];
  const index: ExistingLeadIndex = new Map();
  if (emails.length + phones.length + cnpjs.length === 0) return index;

  const rows = await db.$queryRaw<{ id: string; name: string; email: string | null; phone: string | null; cnpj: string | null }[]>`
    SELECT id, name, email, phone, cnpj FROM "Lead"
    WHERE email = ANY(${emails}::text[]) OR phone = ANY(${phones}::text[]) OR cnpj = ANY(${cnpjs}::text[])
    ORDER BY "createdAt", id`;
  // Visibility is the shared rule of server/services/crm/access.ts, asked of Prisma, not re-implemented here.
  const visible = new Set<string>();
  for (let i = 0; i < rows.length; i += ID_BATCH) {
    const ids = rows.slice(i, i + ID_BATCH).map((r) => r.id);
    const seen = await db.lead.findMany({ where: { AND: [{ id: { in: ids } }, visibleLeadWhere(viewer)] }, select: { id: true } });
    for (const { id } of seen) visible.add(id);
  }
  for (const row of rows) {
    const lead = { id: row.id, name: row.name, visible: visible.has(row.id) };
    for (const field of ["email", "phone", "cnpj"] as const) {
      const value = row[field];
      if (value === null) continue;
      const key = `${field}:${value}`;
      // The oldest lead the viewer may see is named; an invisible one only when nothing else matches.
      const known = index.get(key);
      if (!known || (!known.visible && lead.visible)) index.set(key, lead);
    }
  }
  return index;
}

/** Rows matching an existing lead, one entry per matching key. */
export function existingDuplicatesOf(
  rows: readonly { line: number; keys: DuplicateKeys }[],
  index: ExistingLeadIndex,
): LeadImportDuplicate[] {
  const found: LeadImportDuplicate[] = [];
  for (const row of rows) {
    for (const field of ["email", "phone", "cnpj"] as const) {
      const value = row.keys[field];
      const lead = value === null ? undefined : index.get(`${field}:${value}`);
      if (!lead || value === null) continue;
      found.push({ line: row.line, field, value, firstLine: null, lead: lead.visible ? { id: lead.id, name: lead.name } : null });
    }
  }
  return found;
}
