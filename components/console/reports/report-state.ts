import {
  REPORT_PRESETS,
  ReportRangeInput,
  resolveReportRange,
  type ReportFilterInput,
  type ReportFilterOptions,
  type ReportPreset,
} from "@/lib/schemas/billing-reports";

// The report page's filter state, kept in the address (?period=…&from=…&tenant=…) so a reload or a
// shared link opens the same report.

export type ReportPeriod = ReportPreset | "custom";

export type ReportState = {
  period: ReportPeriod;
  /** Custom period only, `YYYY-MM-DD`, both days included. */
  from: string;
  to: string;
  tenantId: string | null;
  providerId: string | null;
  gatewayName: string | null;
};

export type ReportSearchParams = Record<string, string | string[] | undefined>;

const UUID = /^[0-9a-f-]{36}$/i;
const GATEWAY = /^[A-Za-z0-9_.-]{1,40}$/;

function param(params: ReportSearchParams, name: string): string | null {
  const value = params[name];
  return typeof value === "string" ? value : null;
}

export function initialReportState(params: ReportSearchParams): ReportState {
  const period = param(params, "period");
  const custom = period === "custom";
  const thisMonth = resolveReportRange({ preset: "this_month" });
  return {
    period: custom || (REPORT_PRESETS as readonly string[]).includes(period ?? "") ? (period as ReportPeriod) : "this_month",
    from: (custom && param(params, "from")) || thisMonth.from,
    to: (custom && param(params, "to")) || thisMonth.to,
    tenantId: UUID.test(param(params, "tenant") ?? "") ? param(params, "tenant") : null,
    providerId: UUID.test(param(params, "provider") ?? "") ? param(params, "provider") : null,
    gatewayName: GATEWAY.test(param(params, "gateway") ?? "") ? param(params, "gateway") : null,
  };
}

export function reportSearch(state: ReportState): string {
  const params = new URLSearchParams();
  if (state.period !== "this_month") params.set("period", state.period);
  if (state.period === "custom") {
    params.set("from", state.from);
    params.set("to", state.to);
  }
  if (state.tenantId) params.set("tenant", state.tenantId);
  if (state.providerId) params.set("provider", state.providerId);
  if (state.gatewayName) params.set("gateway", state.gatewayName);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export type RangeErrors = { from?: string; to?: string };

/**
 * What the report procedures receive, or the range's field errors (validated by the same schema the
 * server uses). Filters naming something the pickers no longer offer (an old link) are dropped.
 */
export function reportInput(
  state: ReportState,
  options: ReportFilterOptions,
): { input: ReportFilterInput; errors: null } | { input: null; errors: RangeErrors } {
  const range = state.period === "custom" ? { preset: "custom" as const, from: state.from, to: state.to } : { preset: state.period };
  const parsed = ReportRangeInput.safeParse(range);
  if (!parsed.success) {
    const errors: RangeErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "from" || field === "to") && !errors[field]) errors[field] = issue.message;
    }
    return { input: null, errors };
  }
  const { tenantId, providerId, gatewayName } = effectiveFilters(state, options);
  return { input: { range, tenantId, providerId, gatewayName }, errors: null };
}

export function effectiveFilters(state: ReportState, options: ReportFilterOptions) {
  return {
    tenantId: options.tenants.some((t) => t.id === state.tenantId) ? state.tenantId : null,
    providerId: options.providers.some((p) => p.id === state.providerId) ? state.providerId : null,
    gatewayName: options.gateways.some((g) => g.name === state.gatewayName) ? state.gatewayName : null,
  };
}
