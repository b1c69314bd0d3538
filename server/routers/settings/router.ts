import { PlanOverview } from "@/lib/schemas/settings";
import { router } from "@/server/trpc/init";
import { roleProcedure } from "@/server/trpc/tenant-procedure";
import { planOverview } from "@/server/services/settings/plan-overview";
import { apiKeysRouter } from "./api-keys";
import { settingsAuditRouter } from "./audit";
import { companyRouter } from "./company";
import { crmSettingsRouter } from "./crm";
import { settingsInvitationsRouter } from "./invitations";
import { settingsMembersRouter } from "./members";

export const settingsRouter = router({
  company: companyRouter,
  crm: crmSettingsRouter,
  plan: router({
    get: roleProcedure("manager")
      .output(PlanOverview)
      .query(({ ctx }) => planOverview(ctx.db, ctx.tenant.id)),
  }),
  members: settingsMembersRouter,
  invitations: settingsInvitationsRouter,
  apiKeys: apiKeysRouter,
  audit: settingsAuditRouter,
});
