import { z } from "zod";
import { SettingsAuditListInput, SettingsAuditPage } from "@/lib/schemas/settings";
import { router } from "@/server/trpc/init";
import { listAuditEntries } from "@/server/services/audit/list-audit-entries";
import { settingsAdminProcedure } from "./procedures";

export const settingsAuditRouter = router({
  /** This tenant's own entries (RLS shows no other tenant's, nor the console's platform entries). */
  list: settingsAdminProcedure
    .input(SettingsAuditListInput)
    .output(SettingsAuditPage)
    .query(async ({ ctx, input }) => {
      const page = await listAuditEntries(ctx.db, { ...input, tenantId: ctx.tenant.id });
      return { items: page.items.map(({ tenantId: _tenantId, ...entry }) => entry), nextCursor: page.nextCursor };
    }),
  /** The object types present in this tenant's log, for the filter. */
  objectTypes: settingsAdminProcedure.output(z.array(z.string())).query(async ({ ctx }) => {
    const rows = await ctx.db.auditLog.findMany({ distinct: ["objectType"], select: { objectType: true }, orderBy: { objectType: "asc" } });
    return rows.map((r) => r.objectType);
  }),
});
