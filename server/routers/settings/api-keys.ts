import { ApiKeyCreated, ApiKeyCreateInput, ApiKeyList, ApiKeyOutput, SettingsId } from "@/lib/schemas/settings";
import { router } from "@/server/trpc/init";
import { createApiKey, listApiKeys, revokeApiKey } from "@/server/services/api-keys/api-keys";
import { secretIssuingProcedure, settingsAdminProcedure } from "./procedures";

export const apiKeysRouter = router({
  list: settingsAdminProcedure.output(ApiKeyList).query(({ ctx }) => listApiKeys(ctx.db, ctx.tenant.id)),
  create: secretIssuingProcedure
    .input(ApiKeyCreateInput)
    .output(ApiKeyCreated)
    .mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.tenant.id, ctx.actor.userId, input, ctx.audit)),
  revoke: settingsAdminProcedure
    .input(SettingsId)
    .output(ApiKeyOutput)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, input.id, ctx.audit)),
});
