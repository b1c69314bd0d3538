import { CrmSettings, CrmSettingsUpdateInput } from "@/lib/schemas/scoring";
import { router } from "@/server/trpc/init";
import { tenantProcedure } from "@/server/trpc/tenant-procedure";
import { getCrmSettings, updateCrmSettings } from "@/server/services/scoring/crm-settings";
import { settingsAdminProcedure } from "./procedures";

export const crmSettingsRouter = router({
  get: tenantProcedure.output(CrmSettings).query(({ ctx }) => getCrmSettings(ctx.db, ctx.tenant.id)),
  update: settingsAdminProcedure
    .input(CrmSettingsUpdateInput)
    .output(CrmSettings)
    .mutation(({ ctx, input }) => updateCrmSettings(ctx.db, ctx.tenant.id, input, ctx.audit)),
});
