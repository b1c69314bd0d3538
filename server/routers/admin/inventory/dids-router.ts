import { z } from "zod";
import { getDictionary, translateMessage } from "@/lib/i18n";
import {
  DidAllocateInput,
  DidImportInput,
  DidImportResult,
  DidListInput,
  DidOutput,
  DidPage,
  DidUpdateInput,
  InventoryId,
  TenantOption,
  TenantOptionsInput,
} from "@/lib/schemas/inventory";
import { adminProcedure } from "@/server/trpc/admin-procedure";
import { router } from "@/server/trpc/init";
import { allocateDid, releaseDid, returnDidToPool } from "@/server/services/inventory/did-allocation";
import { deleteDid, getDid, updateDid } from "@/server/services/inventory/dids";
import { importDids } from "@/server/services/inventory/import-dids";
import { listDids } from "@/server/services/inventory/list-dids";
import { listTenantOptions } from "@/server/services/inventory/tenant-options";

export const didsRouter = router({
  list: adminProcedure
    .input(DidListInput)
    .output(DidPage)
    .query(({ ctx, input }) => listDids(ctx.db, input)),
  get: adminProcedure
    .input(InventoryId)
    .output(DidOutput)
    .query(({ ctx, input }) => getDid(ctx.db, input.id)),
  /** All or nothing; a rejected file comes back with every bad line, in the caller's language. */
  import: adminProcedure
    .input(DidImportInput)
    .output(DidImportResult)
    .mutation(async ({ ctx, input }) => {
      const outcome = await importDids(ctx.db, input.csv, ctx.audit);
      const dict = getDictionary(ctx.locale);
      return { ...outcome, errors: outcome.errors.map((e) => ({ line: e.line, reason: translateMessage(dict, e.reason) })) };
    }),
  update: adminProcedure
    .input(DidUpdateInput)
    .output(DidOutput)
    .mutation(({ ctx, input }) => updateDid(ctx.db, input.id, input.data, ctx.audit)),
  delete: adminProcedure
    .input(InventoryId)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteDid(ctx.db, input.id, ctx.audit)),
  allocate: adminProcedure
    .input(DidAllocateInput)
    .output(DidOutput)
    .mutation(({ ctx, input }) => allocateDid(ctx.db, input.id, input.tenantId, ctx.audit)),
  release: adminProcedure
    .input(InventoryId)
    .output(DidOutput)
    .mutation(({ ctx, input }) => releaseDid(ctx.db, input.id, ctx.audit)),
  returnToPool: adminProcedure
    .input(InventoryId)
    .output(DidOutput)
    .mutation(({ ctx, input }) => returnDidToPool(ctx.db, input.id, ctx.audit)),
  tenantOptions: adminProcedure
    .input(TenantOptionsInput)
    .output(z.array(TenantOption))
    .query(({ ctx, input }) => listTenantOptions(ctx.db, input.search)),
});
