import type { z } from "zod";
import { DUPLICATE_KEYS, type DuplicateKey, type LeadDuplicateCheck, type LeadDuplicateCheckInput } from "@/lib/schemas/lead-import";
import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { seesEverything, visibleLeadWhere, type CrmViewer } from "@/server/services/crm/access";
import { duplicateKeysOf } from "./import/duplicate-keys";

const MAX_MATCHES = 5;

/**
 * Leads that share the e-mail, phone or CNPJ being typed (normalized as stored), for the warning
 * on the lead form. Up to 5 leads the viewer may see are named; keys that only match leads the
 * viewer may not see are reported without naming anyone.
 */
export async function checkLeadDuplicates(
  db: TenantDb,
  viewer: CrmViewer,
  input: z.output<typeof LeadDuplicateCheckInput>,
): Promise<LeadDuplicateCheck> {
  const keys = duplicateKeysOf(input);
  const present = DUPLICATE_KEYS.filter((field) => keys[field] !== null);
  if (present.length === 0) return { matches: [], hidden: [] };
  const anyKey: Prisma.LeadWhereInput = { OR: present.map((field) => ({ [field]: keys[field] })) };
  const notSelf: Prisma.LeadWhereInput = input.excludeId ? { id: { not: input.excludeId } } : {};

  const rows = await db.lead.findMany({
    where: { AND: [anyKey, notSelf, visibleLeadWhere(viewer)] },
    select: { id: true, name: true, company: true, email: true, phone: true, cnpj: true },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: MAX_MATCHES,
  });
  const matches = rows.map((row) => ({
    id: row.id,
    name: row.name,
    company: row.company,
    matched: present.filter((field) => row[field] === keys[field]),
  }));

  // Keys that match leads out of the viewer's sight: told (a duplicate is one whoever owns it), never named.
  const hidden: DuplicateKey[] = [];
  if (!seesEverything(viewer)) {
    for (const field of present) {
      const where = { AND: [{ [field]: keys[field] }, notSelf, { NOT: visibleLeadWhere(viewer) }] };
      if (await db.lead.findFirst({ where, select: { id: true } })) hidden.push(field);
    }
  }
  return { matches, hidden };
}
