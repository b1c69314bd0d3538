import { z } from "zod";
import { GatewayCreateInput, GatewayListInput, GatewayOutput, GatewayUpdateInput, InventoryId } from "@/lib/schemas/inventory";
import { adminProcedure } from "@/server/trpc/admin-procedure";
import { router } from "@/server/trpc/init";
import { createGateway, deleteGateway, getGateway, listGateways, updateGateway } from "@/server/services/inventory/gateways";

export const gatewaysRouter = router({
  list: adminProcedure
    .input(GatewayListInput)
    .output(z.array(GatewayOutput))
    .query(({ ctx, input }) => listGateways(ctx.db, input)),
  get: adminProcedure
    .input(InventoryId)
    .output(GatewayOutput)
    .query(({ ctx, input }) => getGateway(ctx.db, input.id)),
  create: adminProcedure
    .input(GatewayCreateInput)
    .output(GatewayOutput)
    .mutation(({ ctx, input }) => createGateway(ctx.db, input, ctx.audit)),
  update: adminProcedure
    .input(GatewayUpdateInput)
    .output(GatewayOutput)
    .mutation(({ ctx, input }) => updateGateway(ctx.db, input.id, input.data, ctx.audit)),
  delete: adminProcedure
    .input(InventoryId)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteGateway(ctx.db, input.id, ctx.audit)),
});
