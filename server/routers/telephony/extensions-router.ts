import { z } from "zod";
import { ExtensionCreateInput, ExtensionId, ExtensionOutput, ExtensionSecretOutput, ExtensionUpdateInput } from "@/lib/schemas/extension";
import { AppError } from "@/server/errors";
import { router } from "@/server/trpc/init";
import { memberOnlyProcedure, roleProcedure, tenantProcedure } from "@/server/trpc/tenant-procedure";
import { createExtension } from "@/server/services/extensions/create-extension";
import { deleteExtension } from "@/server/services/extensions/delete-extension";
import { extensionSnapshot } from "@/server/services/extensions/extension-output";
import { listExtensions } from "@/server/services/extensions/list-extensions";
import { revealExtensionSecret } from "@/server/services/extensions/reveal-extension-secret";
import { updateExtension } from "@/server/services/extensions/update-extension";

const OBJECT_TYPE = "extension";

/** A SIP password leaves the server only for a signed-in admin of the tenant: never support, never an API key. */
const secretRevealProcedure = memberOnlyProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== "admin" && ctx.actor.role !== "owner") throw new AppError("FORBIDDEN", "errors.forbidden");
  return next();
});

export const extensionsRouter = router({
  list: tenantProcedure.output(ExtensionOutput.array()).query(({ ctx }) => listExtensions(ctx.db, ctx.tenant.slug)),

  create: roleProcedure("admin")
    .input(ExtensionCreateInput)
    .output(ExtensionOutput)
    .mutation(async ({ ctx, input }) => {
      const extension = await createExtension(ctx.db, ctx.tenant, input);
      await ctx.audit({ action: "extension.create", objectType: OBJECT_TYPE, objectId: extension.id, after: extensionSnapshot(extension) });
      return extension;
    }),

  update: roleProcedure("admin")
    .input(ExtensionUpdateInput)
    .output(ExtensionOutput)
    .mutation(async ({ ctx, input }) => {
      const { before, after } = await updateExtension(ctx.db, ctx.tenant.slug, input.id, input.data);
      await ctx.audit({
        action: "extension.update",
        objectType: OBJECT_TYPE,
        objectId: after.id,
        before: extensionSnapshot(before),
        after: extensionSnapshot(after),
      });
      return after;
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
      return { id: extension.id };
    }),

  /** A mutation, not a query: it is recorded, and a GET response carrying a password could be cached. */
  revealSecret: secretRevealProcedure
    .input(ExtensionId)
    .output(ExtensionSecretOutput)
    .mutation(async ({ ctx, input }) => {
      const revealed = await revealExtensionSecret(ctx.db, ctx.tenant.slug, input.id);
      await ctx.audit({
        action: "extension.reveal_secret",
        objectType: OBJECT_TYPE,
        objectId: revealed.id,
        after: { endpoint: revealed.endpoint },
      });
      return revealed;
    }),
});
