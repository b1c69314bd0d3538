import { getDictionary, translateMessage } from "@/lib/i18n";
import {
  RateExportInput,
  RateExportOutput,
  RateImportInput,
  RateImportResult,
  SimulateInput,
  SimulateOutput,
} from "@/lib/schemas/billing-tariffs";
import { exportRates } from "@/server/services/billing/decks/export-rates";
import { importRates } from "@/server/services/billing/decks/import-rates";
import { simulateCall } from "@/server/services/billing/simulator/simulate-call";
import { adminProcedure } from "@/server/trpc/admin-procedure";
import { router } from "@/server/trpc/init";
import { deckVersionProcedure } from "./deck-version-procedure";
import { decksRouter } from "./decks-router";
import { ratesRouter } from "./rates-router";
import { versionsRouter } from "./versions-router";

/** The console's rate decks: buy and sell decks, their rates, CSV import and export, versions, and the tariff simulator. */
export const adminTariffsRouter = router({
  decks: decksRouter,
  rates: ratesRouter,
  versions: versionsRouter,
  /** All or nothing; a rejected file comes back with its bad lines, in the caller's language. */
  import: deckVersionProcedure
    .input(RateImportInput)
    .output(RateImportResult)
    .mutation(async ({ ctx, input }) => {
      const result = await importRates(ctx.db, input, { userId: ctx.admin.userId }, ctx.audit);
      if (result.ok) return result;
      const dict = getDictionary(ctx.locale);
      return { ...result, errors: result.errors.map((e) => ({ line: e.line, reason: translateMessage(dict, e.reason) })) };
    }),
  /** One version (the current one by default) as CSV; served as a download by /api/admin/tariffs/[deckId]/export. */
  export: adminProcedure
    .input(RateExportInput)
    .output(RateExportOutput)
    .query(({ ctx, input }) => exportRates(ctx.db, input.deckId, input.versionId)),
  /** What a call would be charged and would cost, exactly as the rating run would store it. */
  simulate: adminProcedure
    .input(SimulateInput)
    .output(SimulateOutput)
    .query(({ ctx, input }) => simulateCall(ctx.db, input)),
});
