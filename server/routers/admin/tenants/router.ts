import { z } from "zod";
import {
  InvitationLink,
  OwnerInvitationInput,
  SupportSessionOutput,
  TenantCreateInput,
  TenantCreateOutput,
  TenantDetail,
  TenantId,
  TenantListInput,
  TenantOptions,
  TenantPage,
  TenantUpdateInput,
} from "@/lib/schemas/tenant";
import { router } from "@/server/trpc/init";
import { adminProcedure, type AdminContext } from "@/server/trpc/admin-procedure";
import type { Context } from "@/server/trpc/context";
import { openSupportSession } from "@/server/services/support/open-support-session";
import type { ConsoleDeps } from "@/server/services/tenants/console-deps";
import { createTenant } from "@/server/services/tenants/create-tenant";
import { deleteTenant } from "@/server/services/tenants/delete-tenant";
import { getTenant } from "@/server/services/tenants/get-tenant";
import { inviteOwner } from "@/server/services/tenants/invite-owner";
import { listTenants } from "@/server/services/tenants/list-tenants";
import { setTenantStatus, type StatusChange } from "@/server/services/tenants/set-tenant-status";
import { tenantOptions } from "@/server/services/tenants/tenant-options";
import { updateTenant } from "@/server/services/tenants/update-tenant";
import { requestPbxSyncs } from "@/server/services/pbx/sync-requests";

const deps = (ctx: AdminContext & Pick<Context, "origin">): ConsoleDeps => ({
  audit: ctx.audit,
  adminUserId: ctx.admin.userId,
  origin: ctx.origin,
});

// A suspended or archived tenant's endpoints leave its PBX node, a reactivated one's come back, and a
// tenant moved between nodes leaves one and joins the other: each change queues the nodes' sync.
const statusChange = (change: StatusChange) =>
  adminProcedure
    .input(TenantId)
    .output(TenantDetail)
    .mutation(async ({ ctx, input }) => {
      const detail = await setTenantStatus(ctx.db, input.id, change, ctx);
      await requestPbxSyncs([detail.pbxNode?.id], `tenant.${change}`);
      return detail;
    });

const pbxNodeOf = async (ctx: AdminContext, id: string) =>
  (await ctx.db.tenant.findUnique({ where: { id }, select: { pbxNodeId: true } }))?.pbxNodeId ?? null;

/** The operator's tenants: list, create (with the owner's invitation), edit, suspend, archive, delete, support. */
export const adminTenantsRouter = router({
  list: adminProcedure
    .input(TenantListInput)
    .output(TenantPage)
    .query(({ ctx, input }) => listTenants(ctx.db, input)),
  get: adminProcedure
    .input(TenantId)
    .output(TenantDetail)
    .query(({ ctx, input }) => getTenant(ctx.db, input.id)),
  options: adminProcedure.output(TenantOptions).query(({ ctx }) => tenantOptions(ctx.db)),
  create: adminProcedure
    .input(TenantCreateInput)
    .output(TenantCreateOutput)
    .mutation(async ({ ctx, input }) => {
      const created = await createTenant(ctx.db, input, deps(ctx));
      await requestPbxSyncs([input.pbxNodeId], "tenant.create");
      return created;
    }),
  update: adminProcedure
    .input(TenantUpdateInput)
    .output(TenantDetail)
    .mutation(async ({ ctx, input }) => {
      const before = await pbxNodeOf(ctx, input.id);
      const detail = await updateTenant(ctx.db, input.id, input.data, ctx);
      // A plan change can turn route overrides on or off: the tenant's node renders them.
      await requestPbxSyncs([before, detail.pbxNode?.id], "tenant.update");
      return detail;
    }),
  suspend: statusChange("suspend"),
  reactivate: statusChange("reactivate"),
  archive: statusChange("archive"),
  delete: adminProcedure
    .input(TenantId)
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const before = await pbxNodeOf(ctx, input.id);
      const deleted = await deleteTenant(ctx.db, input.id, ctx);
      await requestPbxSyncs([before], "tenant.delete");
      return deleted;
    }),
  inviteOwner: adminProcedure
    .input(OwnerInvitationInput)
    .output(InvitationLink)
    .mutation(({ ctx, input }) => inviteOwner(ctx.db, input, deps(ctx))),
  openSupportSession: adminProcedure
    .input(TenantId)
    .output(SupportSessionOutput)
    .mutation(({ ctx, input }) => openSupportSession(ctx.db, input.id, deps(ctx))),
});
