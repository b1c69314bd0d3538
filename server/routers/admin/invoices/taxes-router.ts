import { z } from "zod";
import { InvoiceId, TaxRateCreateInput, TaxRateOutput, TaxRateUpdateInput } from "@/lib/schemas/billing-invoices";
import { adminProcedure } from "@/server/trpc/admin-procedure";
import { router } from "@/server/trpc/init";
import { createTaxRate, deleteTaxRate, listTaxRates, updateTaxRate } from "@/server/services/billing/invoices/tax-rates";

const OBJECT_TYPE = "tax_rate";

/** admin.invoices.taxes: the tax percentages invoice runs apply. Invoices keep their own copies. */
export const adminInvoiceTaxesRouter = router({
  list: adminProcedure.output(TaxRateOutput.array()).query(({ ctx }) => listTaxRates(ctx.db)),

  create: adminProcedure
    .input(TaxRateCreateInput)
    .output(TaxRateOutput)
    .mutation(async ({ ctx, input }) => {
      const tax = await createTaxRate(ctx.db, input);
      await ctx.audit({ action: "tax_rate.create", objectType: OBJECT_TYPE, objectId: tax.id, after: tax });
      return tax;
    }),

  update: adminProcedure
    .input(TaxRateUpdateInput)
    .output(TaxRateOutput)
    .mutation(async ({ ctx, input }) => {
      const { before, after } = await updateTaxRate(ctx.db, input.id, input.data);
      await ctx.audit({ action: "tax_rate.update", objectType: OBJECT_TYPE, objectId: after.id, before, after });
      return after;
    }),

  delete: adminProcedure
    .input(InvoiceId)
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const tax = await deleteTaxRate(ctx.db, input.id);
      await ctx.audit({ action: "tax_rate.delete", objectType: OBJECT_TYPE, objectId: tax.id, before: tax });
      return { id: tax.id };
    }),
});
