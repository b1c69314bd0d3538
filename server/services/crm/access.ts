import type { LeadVisibility, MemberRole, Prisma } from "@/prisma/generated/client";

/**
 * Who may see which leads and opportunities inside a tenant (RLS already keeps other tenants out).
 * Managers and above see everything. Reps see their own records and unassigned ones (the pool they
 * pick from), unless the tenant shares everything with everyone (Tenant.leadVisibility = shared).
 * Support sessions and API keys act as managers.
 */
export type CrmViewer = { role: MemberRole; membershipId: string | null; visibility: LeadVisibility };

// The nil UUID matches no membership: an actor without one owns nothing.
const NOBODY = "00000000-0000-0000-0000-000000000000";

export function seesEverything(viewer: CrmViewer): boolean {
  return viewer.role !== "rep" || viewer.visibility === "shared";
}

function ownedOrPool(viewer: CrmViewer): { OR: [{ ownerId: string }, { ownerId: null }] } {
  return { OR: [{ ownerId: viewer.membershipId ?? NOBODY }, { ownerId: null }] };
}

export function visibleLeadWhere(viewer: CrmViewer): Prisma.LeadWhereInput {
  return seesEverything(viewer) ? {} : ownedOrPool(viewer);
}

export function visibleOpportunityWhere(viewer: CrmViewer): Prisma.OpportunityWhereInput {
  return seesEverything(viewer) ? {} : ownedOrPool(viewer);
}

/** A task is visible to whoever it is assigned to, and to whoever sees its lead or opportunity. */
export function visibleTaskWhere(viewer: CrmViewer): Prisma.TaskWhereInput {
  if (seesEverything(viewer)) return {};
  return {
    OR: [
      { assigneeId: viewer.membershipId ?? NOBODY },
      { lead: visibleLeadWhere(viewer) },
      { opportunity: visibleOpportunityWhere(viewer) },
    ],
  };
}

/** Reps may only give a record to themselves (or leave it unassigned); managers to anyone. */
export function mayAssignTo(viewer: CrmViewer, ownerId: string | null | undefined): boolean {
  if (ownerId === undefined || ownerId === null || viewer.role !== "rep") return true;
  return ownerId === viewer.membershipId;
}
