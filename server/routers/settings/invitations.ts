import { z } from "zod";
import { InvitationCreateInput, InvitationOutput, InvitationWithLink, SettingsId } from "@/lib/schemas/settings";
import { router } from "@/server/trpc/init";
import { inviteMember, listInvitations, renewInvitation, revokeInvitation } from "@/server/services/invitations/manage-invitations";
import { settingsAdminProcedure } from "./procedures";

export const settingsInvitationsRouter = router({
  list: settingsAdminProcedure.output(z.array(InvitationOutput)).query(({ ctx }) => listInvitations(ctx.db)),
  create: settingsAdminProcedure
    .input(InvitationCreateInput)
    .output(InvitationWithLink)
    .mutation(({ ctx, input }) => inviteMember(ctx.db, ctx.tenant, ctx.actor, input, ctx.origin, ctx.audit)),
  renew: settingsAdminProcedure
    .input(SettingsId)
    .output(InvitationWithLink)
    .mutation(({ ctx, input }) => renewInvitation(ctx.db, ctx.tenant, ctx.actor, input.id, ctx.origin, ctx.audit)),
  revoke: settingsAdminProcedure
    .input(SettingsId)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.actor, input.id, ctx.audit)),
});
