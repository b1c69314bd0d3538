import { z } from "zod";
import { BusinessHoursFields, BusinessHoursId, BusinessHoursOutput, BusinessHoursUpdateInput } from "@/lib/schemas/numbers";
import { router } from "@/server/trpc/init";
import { roleProcedure } from "@/server/trpc/tenant-procedure";
import { requestTenantPbxSync } from "@/server/services/pbx/sync-requests";
import { businessHoursSnapshot } from "@/server/services/numbers/business-hours-output";
import { deleteBusinessHours } from "@/server/services/numbers/delete-business-hours";
import { listBusinessHours } from "@/server/services/numbers/list-business-hours";
import { createBusinessHours, updateBusinessHours } from "@/server/services/numbers/save-business-hours";

const OBJECT_TYPE = "business_hours";

/** Managers read the phone system; admins and owners change it (support sessions are read-only centrally). */
const reader = roleProcedure("manager");
const writer = roleProcedure("admin");

export const businessHoursRouter = router({
  list: reader.output(BusinessHoursOutput.array()).query(({ ctx }) => listBusinessHours(ctx.db)),

  create: writer
    .input(BusinessHoursFields)
    .output(BusinessHoursOutput)
    .mutation(async ({ ctx, input }) => {
      const hours = await createBusinessHours(ctx.db, ctx.tenant.id, input);
      await ctx.audit({
        action: "business_hours.create",
        objectType: OBJECT_TYPE,
        objectId: hours.id,
        after: businessHoursSnapshot(hours),
      });
      await requestTenantPbxSync(ctx.tenant.id, "business_hours.create");
      return hours;
    }),

  update: writer
    .input(BusinessHoursUpdateInput)
    .output(BusinessHoursOutput)
    .mutation(async ({ ctx, input }) => {
      const { before, after } = await updateBusinessHours(ctx.db, input.id, input.data);
      await ctx.audit({
        action: "business_hours.update",
        objectType: OBJECT_TYPE,
        objectId: after.id,
        before: businessHoursSnapshot(before),
        after: businessHoursSnapshot(after),
      });
      await requestTenantPbxSync(ctx.tenant.id, "business_hours.update");
      return after;
    }),

  delete: writer
    .input(BusinessHoursId)
    .output(z.object({ id: z.string(), name: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const hours = await deleteBusinessHours(ctx.db, input.id);
      await ctx.audit({
        action: "business_hours.delete",
        objectType: OBJECT_TYPE,
        objectId: hours.id,
        before: businessHoursSnapshot(hours),
      });
      await requestTenantPbxSync(ctx.tenant.id, "business_hours.delete");
      return { id: hours.id, name: hours.name };
    }),
});
