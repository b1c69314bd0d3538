"use client";

import { SearchIcon, XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useI18n } from "@/components/providers/i18n-provider";
import { LEAD_SOURCES, LEAD_STATUSES } from "@/lib/schemas/lead";

export type LeadFilters = { search: string; status?: string; source?: string; owner?: string };
const ALL = "__all";

type Props = {
  filters: LeadFilters;
  members: { id: string; name: string }[];
  onChange: (next: LeadFilters) => void;
};

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value?: string;
  options: [string, string][];
  onChange: (v?: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Select value={value ?? ALL} onValueChange={(v) => onChange(v === ALL ? undefined : v)}>
      <SelectTrigger className="w-full sm:w-44" aria-label={label}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={ALL}>
          {label}: {t("common.all")}
        </SelectItem>
        {options.map(([v, text]) => (
          <SelectItem key={v} value={v}>
            {text}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

export function LeadsToolbar({ filters, members, onChange }: Props) {
  const { t } = useI18n();
  const filtered = Boolean(filters.search || filters.status || filters.source || filters.owner);
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center">
      <div className="relative sm:w-96">
        <SearchIcon className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
        <Input
          type="search"
          value={filters.search}
          onChange={(e) => onChange({ ...filters, search: e.target.value })}
          placeholder={t("leads.searchPlaceholder")}
          aria-label={t("common.search")}
          maxLength={100}
          className="pl-8"
        />
      </div>
      <FilterSelect
        label={t("leads.filterStatus")}
        value={filters.status}
        options={LEAD_STATUSES.map((s) => [s, t(`leads.status.${s}`)])}
        onChange={(status) => onChange({ ...filters, status })}
      />
      <FilterSelect
        label={t("leads.filterSource")}
        value={filters.source}
        options={LEAD_SOURCES.map((s) => [s, t(`leads.source.${s}`)])}
        onChange={(source) => onChange({ ...filters, source })}
      />
      <FilterSelect
        label={t("leads.filterOwner")}
        value={filters.owner}
        options={[["me", t("leads.ownerMe")], ["none", t("leads.ownerNone")], ...members.map((m): [string, string] => [m.id, m.name])]}
        onChange={(owner) => onChange({ ...filters, owner })}
      />
      {filtered && (
        <Button variant="ghost" size="sm" onClick={() => onChange({ search: "" })}>
          <XIcon aria-hidden /> {t("leads.clearFilters")}
        </Button>
      )}
    </div>
  );
}
