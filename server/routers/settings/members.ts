import { z } from "zod";
import { MemberOutput, MemberRemoveInput, MemberRoleChangeInput } from "@/lib/schemas/settings";
import { router } from "@/server/trpc/init";
import { changeMemberRole, listMembers, removeMember } from "@/server/services/settings/members";
import { settingsAdminProcedure } from "./procedures";

export const settingsMembersRouter = router({
  list: settingsAdminProcedure.output(z.array(MemberOutput)).query(({ ctx }) => listMembers(ctx.db, ctx.actor)),
  changeRole: settingsAdminProcedure
    .input(MemberRoleChangeInput)
    .output(MemberOutput)
    .mutation(({ ctx, input }) => changeMemberRole(ctx.db, ctx.tenant.id, ctx.actor, input, ctx.audit)),
  remove: settingsAdminProcedure
    .input(MemberRemoveInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.tenant.id, ctx.actor, input, ctx.audit)),
});
