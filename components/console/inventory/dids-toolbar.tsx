"use client";

import { SearchIcon, XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import { DID_STATUSES, type DidPage } from "@/lib/schemas/inventory";

export type DidFilters = {
  search: string;
  status?: (typeof DID_STATUSES)[number];
  providerId?: string;
  tenant?: { id: string; name: string };
};

export const hasDidFilters = (f: DidFilters) => Boolean(f.search.trim() || f.status || f.providerId || f.tenant);

const ALL = "__all";

type Props = {
  filters: DidFilters;
  counts: DidPage["counts"] | undefined;
  providers: { id: string; name: string }[];
  tenants: { id: string; name: string }[];
  onChange: (next: DidFilters) => void;
};

export function DidsToolbar({ filters, counts, providers, tenants, onChange }: Props) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  const total = counts ? counts.free + counts.allocated + counts.quarantined : undefined;
  // The tenant picked from a row may be outside the first options: keep it listed.
  const tenantOptions = filters.tenant && !tenants.some((x) => x.id === filters.tenant!.id) ? [filters.tenant, ...tenants] : tenants;
  const statusButton = (value: DidFilters["status"], label: string, count: number | undefined) => (
    <Button
      key={value ?? ALL}
      type="button"
      size="sm"
      variant={filters.status === value ? "secondary" : "ghost"}
      aria-pressed={filters.status === value}
      className={cn("gap-1.5", filters.status === value && "shadow-xs")}
      onClick={() => onChange({ ...filters, status: value })}
    >
      {label}
      {count !== undefined && <span className="text-muted-foreground tabular-nums">{number.format(count)}</span>}
    </Button>
  );

  return (
    <div className="flex flex-col gap-2">
      <div role="group" aria-label={t("inventory.dids.filterStatus")} className="flex flex-wrap gap-1" data-testid="did-status-filter">
        {statusButton(undefined, t("common.all"), total)}
        {DID_STATUSES.map((s) => statusButton(s, t(`inventory.dids.status.${s}`), counts?.[s]))}
      </div>
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center">
        <div className="relative sm:w-72">
          <SearchIcon className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
          <Input
            type="search"
            inputMode="tel"
            value={filters.search}
            onChange={(e) => onChange({ ...filters, search: e.target.value })}
            placeholder={t("inventory.dids.searchPlaceholder")}
            aria-label={t("inventory.dids.searchPlaceholder")}
            maxLength={40}
            className="pl-8"
          />
        </div>
        <Select value={filters.providerId ?? ALL} onValueChange={(v) => onChange({ ...filters, providerId: v === ALL ? undefined : v })}>
          <SelectTrigger className="w-full sm:w-52" aria-label={t("inventory.dids.filterProvider")}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>
              {t("inventory.dids.filterProvider")}: {t("common.all")}
            </SelectItem>
            {providers.map((p) => (
              <SelectItem key={p.id} value={p.id}>
                {p.name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Select
          value={filters.tenant?.id ?? ALL}
          onValueChange={(v) => onChange({ ...filters, tenant: v === ALL ? undefined : tenantOptions.find((x) => x.id === v) })}
        >
          <SelectTrigger className="w-full sm:w-52" aria-label={t("inventory.dids.filterTenant")}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>
              {t("inventory.dids.filterTenant")}: {t("common.all")}
            </SelectItem>
            {tenantOptions.map((x) => (
              <SelectItem key={x.id} value={x.id}>
                {x.name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        {hasDidFilters(filters) && (
          <Button variant="ghost" size="sm" onClick={() => onChange({ search: "" })}>
            <XIcon aria-hidden /> {t("inventory.dids.clearFilters")}
          </Button>
        )}
      </div>
    </div>
  );
}
