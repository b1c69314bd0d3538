"use client";

import { useQuery } from "@tanstack/react-query";
import { SearchIcon, XIcon } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { OPPORTUNITY_SORTS, OPPORTUNITY_STATUSES } from "@/lib/schemas/opportunity";

export type OpportunityFilters = {
  search: string;
  status?: string;
  pipelineId?: string;
  stageId?: string;
  owner?: string;
  closeFrom: string;
  closeTo: string;
  minValue: string;
  sort: (typeof OPPORTUNITY_SORTS)[number];
};
export const NO_FILTERS: OpportunityFilters = { search: "", closeFrom: "", closeTo: "", minValue: "", sort: "created_desc" };
const ALL = "__all";

export function isFiltered(f: OpportunityFilters): boolean {
  return Boolean(f.search || f.status || f.pipelineId || f.stageId || f.owner || f.closeFrom || f.closeTo || f.minValue);
}

function Choice({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value?: string;
  options: [string, string][];
  onChange: (v?: string) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <Select value={value ?? ALL} onValueChange={(v) => onChange(v === ALL ? undefined : v)}>
      <SelectTrigger className="w-full sm:w-44" aria-label={label} data-testid={testId}>
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

type Props = {
  filters: OpportunityFilters;
  onChange: (next: OpportunityFilters) => void;
  showMembers: boolean;
  minValueError?: string | null;
};

export function OpportunitiesToolbar({ filters, onChange, showMembers, minValueError }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const ids = { from: useId(), to: useId(), min: useId(), sort: useId() };
  const pipelines = useQuery(trpc.pipelines.list.queryOptions()).data ?? [];
  const members = useQuery({ ...trpc.members.list.queryOptions(), enabled: showMembers }).data ?? [];
  const stages = pipelines.find((p) => p.id === filters.pipelineId)?.stages ?? [];
  const set = (patch: Partial<OpportunityFilters>) => onChange({ ...filters, ...patch });

  return (
    <div className="grid gap-2">
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center">
        <div className="relative sm:w-80">
          <SearchIcon className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
          <Input
            type="search"
            value={filters.search}
            onChange={(e) => set({ search: e.target.value })}
            placeholder={t("pipelines.list.searchPlaceholder")}
            aria-label={t("common.search")}
            maxLength={100}
            className="pl-8"
          />
        </div>
        <Choice
          label={t("pipelines.field.status")}
          value={filters.status}
          options={OPPORTUNITY_STATUSES.map((s) => [s, t(`pipelines.status.${s}`)])}
          onChange={(status) => set({ status })}
          testId="filter-status"
        />
        <Choice
          label={t("pipelines.field.pipeline")}
          value={filters.pipelineId}
          options={pipelines.map((p) => [p.id, p.name])}
          onChange={(pipelineId) => set({ pipelineId, stageId: undefined })}
        />
        {filters.pipelineId && (
          <Choice
            label={t("pipelines.field.stage")}
            value={filters.stageId}
            options={stages.map((s) => [s.id, s.name])}
            onChange={(stageId) => set({ stageId })}
          />
        )}
        <Choice
          label={t("pipelines.field.owner")}
          value={filters.owner}
          options={[
            ["me", t("pipelines.board.ownerMe")],
            ["none", t("pipelines.form.ownerNone")],
            ...(showMembers ? members.map((m): [string, string] => [m.id, m.name]) : []),
          ]}
          onChange={(owner) => set({ owner })}
        />
      </div>
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-end">
        <div className="grid gap-1">
          <Label htmlFor={ids.from} className="text-xs text-muted-foreground">
            {t("pipelines.list.closeFrom")}
          </Label>
          <Input
            id={ids.from}
            type="date"
            className="sm:w-40"
            value={filters.closeFrom}
            onChange={(e) => set({ closeFrom: e.target.value })}
          />
        </div>
        <div className="grid gap-1">
          <Label htmlFor={ids.to} className="text-xs text-muted-foreground">
            {t("pipelines.list.closeTo")}
          </Label>
          <Input id={ids.to} type="date" className="sm:w-40" value={filters.closeTo} onChange={(e) => set({ closeTo: e.target.value })} />
        </div>
        <div className="grid gap-1">
          <Label htmlFor={ids.min} className="text-xs text-muted-foreground">
            {t("pipelines.list.minValue")}
          </Label>
          <Input
            id={ids.min}
            inputMode="decimal"
            placeholder="0,00"
            className="sm:w-36"
            value={filters.minValue}
            aria-invalid={!!minValueError}
            aria-describedby={minValueError ? `${ids.min}-error` : undefined}
            onChange={(e) => set({ minValue: e.target.value })}
          />
        </div>
        <div className="grid gap-1">
          <Label htmlFor={ids.sort} className="text-xs text-muted-foreground">
            {t("pipelines.list.sort")}
          </Label>
          <Select value={filters.sort} onValueChange={(sort) => set({ sort: sort as OpportunityFilters["sort"] })}>
            <SelectTrigger id={ids.sort} className="w-full sm:w-52">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {OPPORTUNITY_SORTS.map((s) => (
                <SelectItem key={s} value={s}>
                  {t(`pipelines.list.sorts.${s}`)}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        {isFiltered(filters) && (
          <Button variant="ghost" size="sm" onClick={() => onChange({ ...NO_FILTERS, sort: filters.sort })}>
            <XIcon aria-hidden /> {t("pipelines.board.clearFilters")}
          </Button>
        )}
      </div>
      {minValueError && (
        <p id={`${ids.min}-error`} className="text-sm text-destructive">
          {minValueError}
        </p>
      )}
    </div>
  );
}
