import type { z } from "zod";
import type { LeadListInput, LeadPage } from "@/lib/schemas/lead";
import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { leadSelect, toLeadOutput } from "./lead-output";

type ListInput = z.output<typeof LeadListInput>;

function searchFilter(search: string): Prisma.LeadWhereInput {
  const text = { contains: search, mode: "insensitive" as const };
  const or: Prisma.LeadWhereInput[] = [{ name: text }, { company: text }, { email: text }];
  const digits = search.replace(/\D/g, "");
  if (digits.length >= 3) or.push({ phone: { contains: digits } }, { cnpj: { contains: digits } });
  return { OR: or };
}

// The nil UUID matches no lead: "my leads" of an actor without a membership (support, API key).
const NOBODY = "00000000-0000-0000-0000-000000000000";

function ownerFilter(owner: ListInput["owner"], myMembershipId: string | null): Prisma.LeadWhereInput {
  if (owner === "me") return { ownerId: myMembershipId ?? NOBODY };
  if (owner === "none") return { ownerId: null };
  return owner ? { ownerId: owner } : {};
}

/** Newest first, keyset-paginated on (createdAt, id) so pages stay stable while leads are added. */
export async function listLeads(db: TenantDb, input: ListInput, myMembershipId: string | null): Promise<LeadPage> {
  const where: Prisma.LeadWhereInput = {
    AND: [
      input.search ? searchFilter(input.search) : {},
      input.status ? { status: input.status } : {},
      input.source ? { source: input.source } : {},
      ownerFilter(input.owner, myMembershipId),
    ],
  };
  const [rows, total] = await Promise.all([
    db.lead.findMany({
      where,
      select: leadSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.limit + 1,
      ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    }),
    db.lead.count({ where }),
  ]);
  const hasMore = rows.length > input.limit;
  const items = (hasMore ? rows.slice(0, input.limit) : rows).map(toLeadOutput);
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null, total };
}
