"use client";

import { SearchIcon, XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useI18n } from "@/components/providers/i18n-provider";
import { TENANT_STATUSES, type TenantListInput } from "@/lib/schemas/tenant";

export type TenantFilters = { search: string; status?: TenantListInput["status"] };
const DEFAULT = "__default";

export function TenantsToolbar({ filters, onChange }: { filters: TenantFilters; onChange: (next: TenantFilters) => void }) {
  const { t } = useI18n();
  const filtered = Boolean(filters.search || filters.status);
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center">
      <div className="relative sm:w-96">
        <SearchIcon className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
        <Input
          type="search"
          value={filters.search}
          onChange={(e) => onChange({ ...filters, search: e.target.value })}
          placeholder={t("console.tenants.searchPlaceholder")}
          aria-label={t("common.search")}
          maxLength={100}
          className="pl-8"
        />
      </div>
      <Select
        value={filters.status ?? DEFAULT}
        onValueChange={(v) => onChange({ ...filters, status: v === DEFAULT ? undefined : (v as TenantFilters["status"]) })}
      >
        <SelectTrigger className="w-full sm:w-64" aria-label={t("console.tenants.filterStatus")} data-testid="tenant-status-filter">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={DEFAULT}>{t("console.tenants.statusDefault")}</SelectItem>
          {TENANT_STATUSES.map((status) => (
            <SelectItem key={status} value={status}>
              {t(`console.tenants.status.${status}`)}
            </SelectItem>
          ))}
          <SelectItem value="all">{t("console.tenants.statusAll")}</SelectItem>
        </SelectContent>
      </Select>
      {filtered && (
        <Button variant="ghost" size="sm" onClick={() => onChange({ search: "" })}>
          <XIcon aria-hidden /> {t("console.tenants.clearFilters")}
        </Button>
      )}
    </div>
  );
}
