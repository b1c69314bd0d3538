import { ReportFilterInput, resolveReportRange, type ReportRange } from "@/lib/schemas/billing-reports";
import type { z } from "zod";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";

/** A report's range and filters, checked: every report query is built from one of these. */
export type ReportScope = {
  range: ReportRange;
  tenantId: string | null;
  providerId: string | null;
  gatewayName: string | null;
};

type Exists = { tenant: boolean; provider: boolean; gateway: boolean };

/**
 * Resolves the range (presets on São Paulo's calendar) and checks that the filters name things that
 * exist: a mistyped id is NOT_FOUND on its field rather than an empty report that looks true.
 */
export async function resolveReportScope(db: TenantDb, input: z.output<typeof ReportFilterInput>, now = new Date()): Promise<ReportScope> {
  const scope: ReportScope = {
    range: resolveReportRange(input.range, now),
    tenantId: input.tenantId ?? null,
    providerId: input.providerId ?? null,
    gatewayName: input.gatewayName ?? null,
  };
  if (!scope.tenantId && !scope.providerId && !scope.gatewayName) return scope;
  const [found] = await db.$queryRaw<Exists[]>`
    SELECT ${scope.tenantId}::uuid IS NULL OR EXISTS (SELECT 1 FROM "Tenant" WHERE id = ${scope.tenantId}::uuid) AS tenant,
           ${scope.providerId}::uuid IS NULL OR EXISTS (SELECT 1 FROM "Provider" WHERE id = ${scope.providerId}::uuid) AS provider,
           ${scope.gatewayName}::text IS NULL OR EXISTS (SELECT 1 FROM "Gateway" WHERE name = ${scope.gatewayName}::text) AS gateway`;
  const missing: Record<string, string[]> = {};
  if (!found?.tenant) missing.tenantId = ["billingReports.errors.tenant_not_found"];
  if (!found?.provider) missing.providerId = ["billingReports.errors.provider_not_found"];
  if (!found?.gateway) missing.gatewayName = ["billingReports.errors.gateway_not_found"];
  const first = Object.values(missing)[0];
  if (first) throw new AppError("NOT_FOUND", first[0]!, { fieldErrors: missing });
  return scope;
}
