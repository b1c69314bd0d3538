import type { MemberRole, Prisma } from "../generated/client";
import { createRandom } from "./random";

// Demo data for the leads work queue: tags and company sizes on the seeded leads, and two saved
// views per member ("Minha fila", "Quentes") so the views menu has something to open. Idempotent:
// tags only go to a tenant where no lead has any, views only to a member who has none. `tx` runs
// as the console role (sees every tenant), so every query names the tenant.

const TAGS = ["vip", "retorno", "zona sul", "indústria", "varejo", "licitação", "indicação", "evento 2026", "franquia", "b2b"];

export async function seedLeadsQueue(
  tx: Prisma.TransactionClient,
  tenantId: string,
  memberships: { id: string; role: MemberRole }[],
): Promise<void> {
  const random = createRandom(tenantId.split("").reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7));
  if ((await tx.lead.count({ where: { tenantId, NOT: { tags: { isEmpty: true } } } })) === 0) {
    const leads = await tx.lead.findMany({ where: { tenantId }, select: { id: true }, orderBy: { createdAt: "asc" } });
    for (const lead of leads) {
      const roll = random.next();
      const tags = roll < 0.35 ? [] : [...new Set(Array.from({ length: roll < 0.75 ? 1 : random.int(2, 3) }, () => random.pick(TAGS)))];
      const employees = random.next() < 0.3 ? null : random.pick([3, 8, 12, 25, 40, 80, 150, 320, 900, 2500]);
      await tx.lead.update({ where: { id: lead.id }, data: { tags, employees } });
    }
  }
  for (const member of memberships) {
    if ((await tx.savedFilter.count({ where: { tenantId, membershipId: member.id } })) > 0) continue;
    const columns = ["name", "phone", "status", "score", "tags", "lastContact"];
    await tx.savedFilter.createMany({
      data: [
        {
          tenantId,
          membershipId: member.id,
          name: "Minha fila",
          view: { filters: { owner: "me", status: ["new", "contacted"] }, sort: { by: "lastContact", dir: "asc" }, columns },
        },
        {
          tenantId,
          membershipId: member.id,
          name: "Quentes",
          view: { filters: { scoreMin: 60 }, sort: { by: "score", dir: "desc" }, columns: [...columns, "owner"] },
        },
      ],
    });
  }
}
