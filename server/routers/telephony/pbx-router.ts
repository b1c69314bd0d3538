import { TenantPbxHistory, TenantPbxHistoryInput, TenantPbxStatus } from "@/lib/schemas/pbx";
import { tenantPbxHistory, tenantPbxStatus } from "@/server/services/pbx/sync-state";
import { router } from "@/server/trpc/init";
import { roleProcedure } from "@/server/trpc/tenant-procedure";

/** The tenant's PBX sync: its node's status and recent runs (managers and up; the forced sync is the syncPbx action). */
export const telephonyPbxRouter = router({
  status: roleProcedure("manager")
    .output(TenantPbxStatus)
    .query(({ ctx }) => tenantPbxStatus(ctx.db, ctx.tenant, { role: ctx.actor.role, isMember: ctx.actor.kind === "member" })),
  history: roleProcedure("manager")
    .input(TenantPbxHistoryInput)
    .output(TenantPbxHistory)
    .query(({ ctx, input }) => tenantPbxHistory(ctx.db, ctx.tenant.id, { cursor: input?.cursor, limit: input?.limit ?? 10 })),
});
