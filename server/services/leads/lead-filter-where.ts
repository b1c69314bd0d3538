import type { z } from "zod";
import type { LeadFilter } from "@/lib/schemas/lead";
import type { Prisma } from "@/prisma/generated/client";
import { visibleLeadWhere, type CrmViewer } from "@/server/services/crm/access";

export type LeadFilterValues = z.output<typeof LeadFilter>;

// The nil UUID matches no lead: "my leads" of an actor without a membership (support, API key).
const NOBODY = "00000000-0000-0000-0000-000000000000";

function searchWhere(search: string): Prisma.LeadWhereInput {
  const text = { contains: search, mode: "insensitive" as const };
  const or: Prisma.LeadWhereInput[] = [{ name: text }, { company: text }, { email: text }];
  const digits = search.replace(/\D/g, "");
  if (digits.length >= 3) or.push({ phone: { contains: digits } }, { cnpj: { contains: digits } });
  return { OR: or };
}

function ownerWhere(owner: LeadFilterValues["owner"], viewer: CrmViewer): Prisma.LeadWhereInput {
  if (owner === "me") return { ownerId: viewer.membershipId ?? NOBODY };
  if (owner === "none") return { ownerId: null };
  return owner ? { ownerId: owner } : {};
}

function range<T>(from: T | undefined, to: T | undefined): { gte?: T; lte?: T } | undefined {
  if (from === undefined && to === undefined) return undefined;
  return { ...(from !== undefined ? { gte: from } : {}), ...(to !== undefined ? { lte: to } : {}) };
}

/**
 * The rows a filter selects among those the viewer may see. The list, bulk actions on "all
 * matching" and the export all go through here, so visibility cannot be forgotten by one of them.
 */
export function leadFilterWhere(filter: LeadFilterValues, viewer: CrmViewer): Prisma.LeadWhereInput {
  // "Mine" and "unassigned" are inside what any viewer sees; leaving the (OR) visibility clause
  // out then lets PostgreSQL walk the (tenantId, ownerId, lastContactAt, id) index in order
  // instead of merging two bitmap scans and sorting.
  const impliedVisible = filter.owner === "none" || (filter.owner === "me" && viewer.membershipId !== null);
  const and: Prisma.LeadWhereInput[] = [impliedVisible ? {} : visibleLeadWhere(viewer), ownerWhere(filter.owner, viewer)];
  if (filter.search) and.push(searchWhere(filter.search));
  if (filter.status?.length) and.push({ status: { in: filter.status } });
  if (filter.source?.length) and.push({ source: { in: filter.source } });
  const score = range(filter.scoreMin, filter.scoreMax);
  if (score) and.push({ score });
  if (filter.tags?.length) and.push({ tags: { hasSome: filter.tags } });
  const created = range(filter.createdFrom, filter.createdTo);
  if (created) and.push({ createdAt: created });
  const contacted = range(filter.lastContactFrom, filter.lastContactTo);
  if (contacted) and.push({ lastContactAt: contacted });
  if (filter.neverContacted) and.push({ lastContactAt: null });
  return { AND: and };
}
