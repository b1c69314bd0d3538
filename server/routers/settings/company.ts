import { CompanyOutput, CompanyUpdateInput } from "@/lib/schemas/settings";
import { router } from "@/server/trpc/init";
import { tenantProcedure } from "@/server/trpc/tenant-procedure";
import { getCompany, updateCompany } from "@/server/services/settings/company";
import { settingsAdminProcedure } from "./procedures";

export const companyRouter = router({
  get: tenantProcedure.output(CompanyOutput).query(({ ctx }) => getCompany(ctx.db, ctx.tenant.id)),
  update: settingsAdminProcedure
    .input(CompanyUpdateInput)
    .output(CompanyOutput)
    .mutation(({ ctx, input }) => updateCompany(ctx.db, ctx.tenant.id, input, ctx.audit)),
});
