import { z } from "zod";
import { InventoryId, ProviderCreateInput, ProviderOutput, ProviderUpdateInput } from "@/lib/schemas/inventory";
import { adminProcedure } from "@/server/trpc/admin-procedure";
import { router } from "@/server/trpc/init";
import { createProvider, deleteProvider, getProvider, listProviders, updateProvider } from "@/server/services/inventory/providers";

export const providersRouter = router({
  list: adminProcedure.output(z.array(ProviderOutput)).query(({ ctx }) => listProviders(ctx.db)),
  get: adminProcedure
    .input(InventoryId)
    .output(ProviderOutput)
    .query(({ ctx, input }) => getProvider(ctx.db, input.id)),
  create: adminProcedure
    .input(ProviderCreateInput)
    .output(ProviderOutput)
    .mutation(({ ctx, input }) => createProvider(ctx.db, input, ctx.audit)),
  update: adminProcedure
    .input(ProviderUpdateInput)
    .output(ProviderOutput)
    .mutation(({ ctx, input }) => updateProvider(ctx.db, input.id, input.data, ctx.audit)),
  delete: adminProcedure
    .input(InventoryId)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteProvider(ctx.db, input.id, ctx.audit)),
});
