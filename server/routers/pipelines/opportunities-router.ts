import { z } from "zod";
import {
  OpportunityCreateInput,
  OpportunityDetail,
  OpportunityId,
  OpportunityListInput,
  OpportunityLoseInput,
  OpportunityMoveInput,
  OpportunityPage,
  OpportunityUpdateInput,
  OpportunityWinInput,
} from "@/lib/schemas/opportunity";
import { router } from "@/server/trpc/init";
import { roleProcedure, tenantProcedure, type TenantContext } from "@/server/trpc/tenant-procedure";
import { closeOpportunity, reopenOpportunity } from "@/server/services/opportunities/close-opportunity";
import { createOpportunity } from "@/server/services/opportunities/create-opportunity";
import { deleteOpportunity } from "@/server/services/opportunities/delete-opportunity";
import { getOpportunity } from "@/server/services/opportunities/get-opportunity";
import { listAssignees } from "@/server/services/opportunities/list-assignees";
import { listOpportunities } from "@/server/services/opportunities/list-opportunities";
import { moveOpportunity } from "@/server/services/opportunities/move-opportunity";
import type { OpportunityActor } from "@/server/services/opportunities/opportunity-actor";
import { updateOpportunity } from "@/server/services/opportunities/update-opportunity";

const actorOf = (ctx: TenantContext): OpportunityActor => ({ viewer: ctx.crm, by: { userId: ctx.actor.userId, name: ctx.actor.name } });

export const opportunitiesRouter = router({
  list: tenantProcedure
    .input(OpportunityListInput)
    .output(OpportunityPage)
    .query(({ ctx, input }) => listOpportunities(ctx.db, ctx.crm, input)),
  /** The owners the viewer may pick in a form (a rep: only themselves) and the viewer's own membership. */
  assignees: tenantProcedure
    .output(z.object({ me: z.string().nullable(), members: z.array(z.object({ id: z.string(), name: z.string() })) }))
    .query(({ ctx }) => listAssignees(ctx.db, ctx.crm)),
  get: tenantProcedure
    .input(OpportunityId)
    .output(OpportunityDetail)
    .query(({ ctx, input }) => getOpportunity(ctx.db, ctx.crm, input.id)),
  create: tenantProcedure
    .input(OpportunityCreateInput)
    .output(OpportunityDetail)
    .mutation(({ ctx, input }) => createOpportunity(ctx.db, actorOf(ctx), input)),
  update: tenantProcedure
    .input(OpportunityUpdateInput)
    .output(OpportunityDetail)
    .mutation(({ ctx, input }) => updateOpportunity(ctx.db, actorOf(ctx), input.id, input.data)),
  move: tenantProcedure
    .input(OpportunityMoveInput)
    .output(z.object({ id: z.string(), stageId: z.string(), stageEnteredAt: z.date() }))
    .mutation(({ ctx, input }) => moveOpportunity(ctx.db, actorOf(ctx), input)),
  win: tenantProcedure
    .input(OpportunityWinInput)
    .output(OpportunityDetail)
    .mutation(({ ctx, input }) => closeOpportunity(ctx.db, actorOf(ctx), input.id, { status: "won", reason: input.reason ?? null })),
  lose: tenantProcedure
    .input(OpportunityLoseInput)
    .output(OpportunityDetail)
    .mutation(({ ctx, input }) => closeOpportunity(ctx.db, actorOf(ctx), input.id, { status: "lost", reason: input.reason })),
  reopen: tenantProcedure
    .input(OpportunityId)
    .output(OpportunityDetail)
    .mutation(({ ctx, input }) => reopenOpportunity(ctx.db, actorOf(ctx), input.id)),
  delete: roleProcedure("manager")
    .input(OpportunityId)
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const deleted = await deleteOpportunity(ctx.db, ctx.crm, input.id);
      await ctx.audit({ action: "opportunity.delete", objectType: "opportunity", objectId: deleted.id, before: deleted.snapshot });
      return { id: deleted.id };
    }),
});
