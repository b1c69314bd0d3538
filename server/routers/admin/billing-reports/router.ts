import {
  ReportByDay,
  ReportByDestination,
  ReportByGateway,
  ReportByProvider,
  ReportByTenant,
  ReportFilterInput,
  ReportFilterOptions,
  ReportSummary,
  ReportTopInput,
} from "@/lib/schemas/billing-reports";
import { adminProcedure } from "@/server/trpc/admin-procedure";
import { router } from "@/server/trpc/init";
import { reportByDay } from "@/server/services/billing/reports/report-by-day";
import { reportByDestination } from "@/server/services/billing/reports/report-by-destination";
import { reportByGateway } from "@/server/services/billing/reports/report-by-gateway";
import { reportByProvider } from "@/server/services/billing/reports/report-by-provider";
import { reportByTenant } from "@/server/services/billing/reports/report-by-tenant";
import { reportFilterOptions } from "@/server/services/billing/reports/report-filter-options";
import { resolveReportScope } from "@/server/services/billing/reports/report-scope";
import { reportSummary } from "@/server/services/billing/reports/report-summary";

/**
 * Revenue, cost and margin by tenant, provider, gateway, destination and day; ASR and ACD by
 * gateway. Read-only (nothing to audit), console role: cost and margin are operator data.
 */
export const adminBillingReportsRouter = router({
  filterOptions: adminProcedure.output(ReportFilterOptions).query(({ ctx }) => reportFilterOptions(ctx.db)),

  summary: adminProcedure
    .input(ReportFilterInput)
    .output(ReportSummary)
    .query(async ({ ctx, input }) => reportSummary(ctx.db, await resolveReportScope(ctx.db, input))),

  byDay: adminProcedure
    .input(ReportFilterInput)
    .output(ReportByDay)
    .query(async ({ ctx, input }) => reportByDay(ctx.db, await resolveReportScope(ctx.db, input))),

  byTenant: adminProcedure
    .input(ReportTopInput)
    .output(ReportByTenant)
    .query(async ({ ctx, input }) => reportByTenant(ctx.db, await resolveReportScope(ctx.db, input), input.limit)),

  byProvider: adminProcedure
    .input(ReportFilterInput)
    .output(ReportByProvider)
    .query(async ({ ctx, input }) => reportByProvider(ctx.db, await resolveReportScope(ctx.db, input))),

  byGateway: adminProcedure
    .input(ReportFilterInput)
    .output(ReportByGateway)
    .query(async ({ ctx, input }) => reportByGateway(ctx.db, await resolveReportScope(ctx.db, input))),

  byDestination: adminProcedure
    .input(ReportTopInput)
    .output(ReportByDestination)
    .query(async ({ ctx, input }) => reportByDestination(ctx.db, await resolveReportScope(ctx.db, input), input.limit)),
});
