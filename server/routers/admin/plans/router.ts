import { PlanCreateInput, PlanId, PlanListInput, PlanOutput, PlanUpdateInput } from "@/lib/schemas/plan";
import { adminProcedure } from "@/server/trpc/admin-procedure";
import { router } from "@/server/trpc/init";
import { createPlan } from "@/server/services/plans/create-plan";
import { deletePlan } from "@/server/services/plans/delete-plan";
import { getPlan } from "@/server/services/plans/get-plan";
import { listPlans } from "@/server/services/plans/list-plans";
import { planSnapshot } from "@/server/services/plans/plan-output";
import { setPlanArchived } from "@/server/services/plans/set-plan-archived";
import { updatePlan } from "@/server/services/plans/update-plan";

const OBJECT_TYPE = "plan";

/** The console's plan catalogue. Every mutation records an audit entry with before/after terms. */
export const adminPlansRouter = router({
  list: adminProcedure
    .input(PlanListInput)
    .output(PlanOutput.array())
    .query(({ ctx, input }) => listPlans(ctx.db, input)),

  get: adminProcedure
    .input(PlanId)
    .output(PlanOutput)
    .query(({ ctx, input }) => getPlan(ctx.db, input.id)),

  create: adminProcedure
    .input(PlanCreateInput)
    .output(PlanOutput)
    .mutation(async ({ ctx, input }) => {
      const plan = await createPlan(ctx.db, input);
      await ctx.audit({ action: "plan.create", objectType: OBJECT_TYPE, objectId: plan.id, after: planSnapshot(plan) });
      return plan;
    }),

  update: adminProcedure
    .input(PlanUpdateInput)
    .output(PlanOutput)
    .mutation(async ({ ctx, input }) => {
      const { before, after } = await updatePlan(ctx.db, input.id, input.data);
      await ctx.audit({
        action: "plan.update",
        objectType: OBJECT_TYPE,
        objectId: after.id,
        before: planSnapshot(before),
        after: planSnapshot(after),
      });
      return after;
    }),

  archive: adminProcedure
    .input(PlanId)
    .output(PlanOutput)
    .mutation(async ({ ctx, input }) => {
      const { before, after, changed } = await setPlanArchived(ctx.db, input.id, true);
      if (changed)
        await ctx.audit({
          action: "plan.archive",
          objectType: OBJECT_TYPE,
          objectId: after.id,
          before: planSnapshot(before),
          after: planSnapshot(after),
        });
      return after;
    }),

  unarchive: adminProcedure
    .input(PlanId)
    .output(PlanOutput)
    .mutation(async ({ ctx, input }) => {
      const { before, after, changed } = await setPlanArchived(ctx.db, input.id, false);
      if (changed)
        await ctx.audit({
          action: "plan.unarchive",
          objectType: OBJECT_TYPE,
          objectId: after.id,
          before: planSnapshot(before),
          after: planSnapshot(after),
        });
      return after;
    }),

  delete: adminProcedure
    .input(PlanId)
    .output(PlanOutput)
    .mutation(async ({ ctx, input }) => {
      const plan = await deletePlan(ctx.db, input.id);
      await ctx.audit({ action: "plan.delete", objectType: OBJECT_TYPE, objectId: plan.id, before: planSnapshot(plan) });
      return plan;
    }),
});
