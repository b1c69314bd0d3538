import { z } from "zod";
import { ActivityId, ActivityItem, ActivityListInput, ActivityPage, ContactLogInput, NoteCreateInput } from "@/lib/schemas/activity";
import { router } from "@/server/trpc/init";
import { tenantProcedure, type TenantContext } from "@/server/trpc/tenant-procedure";
import { addNote, logContact } from "@/server/services/activities/add-activity";
import { deleteNote } from "@/server/services/activities/delete-note";
import { listActivities } from "@/server/services/activities/list-activities";
import type { ActivityActor } from "@/server/services/activities/record-activity";

const actorOf = (ctx: TenantContext): ActivityActor => ({ userId: ctx.actor.userId, name: ctx.actor.name });

export const activitiesRouter = router({
  list: tenantProcedure
    .input(ActivityListInput)
    .output(ActivityPage)
    .query(({ ctx, input }) => listActivities(ctx.db, ctx.crm, input)),
  addNote: tenantProcedure
    .input(NoteCreateInput)
    .output(ActivityItem)
    .mutation(({ ctx, input }) => addNote(ctx.db, ctx.crm, actorOf(ctx), input)),
  log: tenantProcedure
    .input(ContactLogInput)
    .output(ActivityItem)
    .mutation(({ ctx, input }) => logContact(ctx.db, ctx.crm, actorOf(ctx), input)),
  deleteNote: tenantProcedure
    .input(ActivityId)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteNote(ctx.db, ctx.crm, ctx.actor.userId, input.id)),
});
