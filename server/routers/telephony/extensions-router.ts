import { z } from "zod";
import {
  ExtensionCreateInput,
  ExtensionId,
  ExtensionListInput,
  ExtensionOutput,
  ExtensionUpdateInput,
  ExtensionUsageOutput,
  ExtensionWithSecret,
} from "@/lib/schemas/extension";
import { AppError } from "@/server/errors";
import { router } from "@/server/trpc/init";
import { memberOnlyProcedure, roleProcedure } from "@/server/trpc/tenant-procedure";
import { createExtension } from "@/server/services/extensions/create-extension";
import { createMemberExtensions } from "@/server/services/extensions/create-member-extensions";
import { deleteExtension } from "@/server/services/extensions/delete-extension";
import { extensionFormOptions } from "@/server/services/extensions/extension-form-options";
import { extensionSnapshot } from "@/server/services/extensions/extension-output";
import { listExtensions } from "@/server/services/extensions/list-extensions";
import { regenerateExtensionSecret } from "@/server/services/extensions/regenerate-extension-secret";
import { updateExtension } from "@/server/services/extensions/update-extension";
import { planUsage } from "@/server/services/limits/plan-limits";
import { requestTenantPbxSync } from "@/server/services/pbx/sync-requests";

const OBJECT_TYPE = "extension";

/**
 * Whatever hands out a SIP password (create, create-for-all, regenerate) is for a signed-in admin
 * of the tenant: never support (read-only anyway), never an API key.
 */
const secretIssuingProcedure = memberOnlyProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== "admin" && ctx.actor.role !== "owner") throw new AppError("FORBIDDEN", "errors.forbidden");
  return next();
});

/** Managers (and support, and API keys) read; reps have no business with the phone system's accounts. */
const readProcedure = roleProcedure("manager");

const FormOptionsOutput = z.object({
  dids: z.array(z.string()),
  membersWithoutExtension: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const extensionsRouter = router({
  list: readProcedure
    .input(ExtensionListInput)
    .output(ExtensionOutput.array())
    .query(({ ctx, input }) => listExtensions(ctx.db, ctx.tenant.slug, input?.q)),

  usage: readProcedure.output(ExtensionUsageOutput).query(async ({ ctx }) => (await planUsage(ctx.db, ctx.tenant.id)).extensions),

  formOptions: readProcedure.output(FormOptionsOutput).query(({ ctx }) => extensionFormOptions(ctx.db)),

  create: secretIssuingProcedure
    .input(ExtensionCreateInput)
    .output(ExtensionWithSecret)
    .mutation(async ({ ctx, input }) => {
      const created = await createExtension(ctx.db, ctx.tenant, input);
      const { extension } = created;
      await ctx.audit({ action: "extension.create", objectType: OBJECT_TYPE, objectId: extension.id, after: extensionSnapshot(extension) });
      await requestTenantPbxSync(ctx.tenant.id, "extension.create");
      return created;
    }),

  createForAllMembers: secretIssuingProcedure.output(z.object({ created: ExtensionWithSecret.array() })).mutation(async ({ ctx }) => {
    const created = await createMemberExtensions(ctx.db, ctx.tenant);
    for (const { extension } of created) {
      await ctx.audit({
        action: "extension.create_for_member",
        objectType: OBJECT_TYPE,
        objectId: extension.id,
        after: extensionSnapshot(extension),
      });
    }
    if (created.length > 0) await requestTenantPbxSync(ctx.tenant.id, "extension.create_for_all_members");
    return { created };
  }),

  update: roleProcedure("admin")
    .input(ExtensionUpdateInput)
    .output(ExtensionOutput)
    .mutation(async ({ ctx, input }) => {
      const { before, after } = await updateExtension(ctx.db, ctx.tenant, input.id, input.data);
      await ctx.audit({
        action: "extension.update",
        objectType: OBJECT_TYPE,
        objectId: after.id,
        before: extensionSnapshot(before),
        after: extensionSnapshot(after),
      });
      await requestTenantPbxSync(ctx.tenant.id, "extension.update");
      return after;
    }),

  /** A mutation: it is recorded, and a response carrying a password must never be cached. */
  regenerateSecret: secretIssuingProcedure
    .input(ExtensionId)
    .output(ExtensionWithSecret)
    .mutation(async ({ ctx, input }) => {
      const regenerated = await regenerateExtensionSecret(ctx.db, ctx.tenant.slug, input.id);
      const { extension } = regenerated;
      await ctx.audit({
        action: "extension.regenerate_secret",
        objectType: OBJECT_TYPE,
        objectId: extension.id,
        after: { endpoint: extension.endpoint },
      });
      await requestTenantPbxSync(ctx.tenant.id, "extension.regenerate_secret");
      return regenerated;
    }),

  delete: roleProcedure("admin")
    .input(ExtensionId)
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const extension = await deleteExtension(ctx.db, ctx.tenant.slug, input.id);
      await ctx.audit({
        action: "extension.delete",
        objectType: OBJECT_TYPE,
        objectId: extension.id,
        before: extensionSnapshot(extension),
      });
      await requestTenantPbxSync(ctx.tenant.id, "extension.delete");
      return { id: extension.id };
    }),
});
