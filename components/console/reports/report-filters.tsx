"use client";

import { XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useI18n } from "@/components/providers/i18n-provider";
import { REPORT_PRESETS, resolveReportRange, type ReportFilterOptions } from "@/lib/schemas/billing-reports";
import type { RangeErrors, ReportPeriod, ReportState } from "./report-state";

const ANY = "__any";
const PERIODS: ReportPeriod[] = [...REPORT_PRESETS, "custom"];

type Props = {
  value: ReportState;
  onChange: (next: ReportState) => void;
  options: ReportFilterOptions | undefined;
  errors: RangeErrors | null;
};

/** Period (presets or two São Paulo days) and the tenant, provider and gateway filters. */
export function ReportFilters({ value, onChange, options, errors }: Props) {
  const { t, tm } = useI18n();
  const set = (patch: Partial<ReportState>) => onChange({ ...value, ...patch });
  const gateways = (options?.gateways ?? []).filter((g) => !value.providerId || g.providerId === value.providerId);
  const filtered = value.tenantId || value.providerId || value.gatewayName;

  const choosePeriod = (period: ReportPeriod) => {
    // Switching to custom starts from the period on screen, so only the end that changes is typed.
    if (period === "custom" && value.period !== "custom") {
      const shown = resolveReportRange({ preset: value.period });
      set({ period, from: shown.from, to: shown.to });
    } else set({ period });
  };

  const chooseProvider = (providerId: string | null) => {
    const keepGateway = !providerId || options?.gateways.some((g) => g.name === value.gatewayName && g.providerId === providerId);
    set({ providerId, gatewayName: keepGateway ? value.gatewayName : null });
  };

  const dateField = (field: "from" | "to") => {
    const error = errors?.[field];
    const id = `report-${field}`;
    return (
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={id}>{t(`billingReports.filters.${field}`)}</Label>
        <Input
          id={id}
          type="date"
          className="w-40"
          value={value[field]}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => set({ [field]: e.target.value })}
        />
        {error && (
          <p id={`${id}-error`} className="max-w-40 text-xs text-destructive">
            {tm(error)}
          </p>
        )}
      </div>
    );
  };

  return (
    <section aria-label={t("billingReports.filters.label")} className="flex flex-wrap items-start gap-3" data-testid="report-filters">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="report-period">{t("billingReports.filters.period")}</Label>
        <Select value={value.period} onValueChange={(v) => choosePeriod(v as ReportPeriod)}>
          <SelectTrigger id="report-period" className="w-44">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {PERIODS.map((p) => (
              <SelectItem key={p} value={p}>
                {t(`billingReports.filters.presets.${p}`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      {value.period === "custom" && (
        <>
          {dateField("from")}
          {dateField("to")}
        </>
      )}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="report-tenant">{t("billingReports.filters.tenant")}</Label>
        <Select value={value.tenantId ?? ANY} onValueChange={(v) => set({ tenantId: v === ANY ? null : v })} disabled={!options}>
          <SelectTrigger id="report-tenant" className="w-52">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANY}>{t("billingReports.filters.anyTenant")}</SelectItem>
            {options?.tenants.map((tenant) => (
              <SelectItem key={tenant.id} value={tenant.id}>
                {tenant.name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="report-provider">{t("billingReports.filters.provider")}</Label>
        <Select value={value.providerId ?? ANY} onValueChange={(v) => chooseProvider(v === ANY ? null : v)} disabled={!options}>
          <SelectTrigger id="report-provider" className="w-48">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANY}>{t("billingReports.filters.anyProvider")}</SelectItem>
            {options?.providers.map((provider) => (
              <SelectItem key={provider.id} value={provider.id}>
                {provider.name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="report-gateway">{t("billingReports.filters.gateway")}</Label>
        <Select value={value.gatewayName ?? ANY} onValueChange={(v) => set({ gatewayName: v === ANY ? null : v })} disabled={!options}>
          <SelectTrigger id="report-gateway" className="w-44">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANY}>{t("billingReports.filters.anyGateway")}</SelectItem>
            {gateways.map((gateway) => (
              <SelectItem key={gateway.name} value={gateway.name}>
                {gateway.name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      {filtered && (
        <Button
          type="button"
          variant="ghost"
          className="mt-[1.375rem]"
          onClick={() => set({ tenantId: null, providerId: null, gatewayName: null })}
        >
          <XIcon aria-hidden /> {t("billingReports.filters.clear")}
        </Button>
      )}
    </section>
  );
}
