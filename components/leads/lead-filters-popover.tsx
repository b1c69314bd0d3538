"use client";

import { FilterIcon } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Separator } from "@/components/ui/separator";
import { useI18n } from "@/components/providers/i18n-provider";
import { LEAD_SOURCES, LEAD_STATUSES } from "@/lib/schemas/lead";
import type { LeadViewFilters } from "@/lib/schemas/lead-view";
import { activeFilterCount } from "./lead-view-url";
import { TagInput, useLeadTagSuggestions } from "./tag-input";

const ANY = "__any";

type Props = {
  filters: LeadViewFilters;
  /** Merged into the current filters by the owner of the state. */
  onPatch: (patch: Partial<LeadViewFilters>) => void;
  /** Owners offered besides "me" and "none": every member for managers, nobody else for reps. */
  members: { id: string; name: string }[];
};

function CheckList<T extends string>({
  values,
  selected,
  label,
  onChange,
}: {
  values: readonly T[];
  selected: T[];
  label: (v: T) => string;
  onChange: (next: T[]) => void;
}) {
  const id = useId();
  return (
    <div className="grid grid-cols-2 gap-x-3 gap-y-2">
      {values.map((v) => (
        <div key={v} className="flex items-center gap-2">
          <Checkbox
            id={`${id}-${v}`}
            checked={selected.includes(v)}
            onCheckedChange={(on) => onChange(on ? values.filter((x) => x === v || selected.includes(x)) : selected.filter((x) => x !== v))}
          />
          <Label htmlFor={`${id}-${v}`} className="font-normal">
            {label(v)}
          </Label>
        </div>
      ))}
    </div>
  );
}

/** Score bounds are typed freely and applied once they are whole numbers in order. */
function ScoreRange({ min, max, onChange }: { min?: number; max?: number; onChange: (min?: number, max?: number) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState({ min: min?.toString() ?? "", max: max?.toString() ?? "" });
  useEffect(() => setText({ min: min?.toString() ?? "", max: max?.toString() ?? "" }), [min, max]);
  const parse = (s: string) => (s.trim() === "" ? undefined : /^-?\d{1,6}$/.test(s.trim()) ? Number(s) : NaN);
  const a = parse(text.min);
  const b = parse(text.max);
  const reversed = a !== undefined && b !== undefined && a > b;
  const commit = (next: { min: string; max: string }) => {
    setText(next);
    const [x, y] = [parse(next.min), parse(next.max)];
    if (!Number.isNaN(x) && !Number.isNaN(y) && !(x !== undefined && y !== undefined && x > y)) onChange(x, y);
  };
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-2 text-sm font-medium">{t("leads.filters.score")}</legend>
      <div className="grid grid-cols-2 gap-2">
        <Input
          type="number"
          inputMode="numeric"
          aria-label={t("leads.filters.scoreMin")}
          placeholder={t("leads.filters.scoreMin")}
          value={text.min}
          onChange={(e) => commit({ ...text, min: e.target.value })}
        />
        <Input
          type="number"
          inputMode="numeric"
          aria-label={t("leads.filters.scoreMax")}
          placeholder={t("leads.filters.scoreMax")}
          value={text.max}
          aria-invalid={reversed}
          onChange={(e) => commit({ ...text, max: e.target.value })}
        />
      </div>
      {reversed && (
        <p className="text-sm text-destructive" role="alert">
          {t("leads.errors.score_range")}
        </p>
      )}
    </fieldset>
  );
}

function DayRange({
  legend,
  from,
  to,
  onChange,
}: {
  legend: string;
  from?: string;
  to?: string;
  onChange: (from?: string, to?: string) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      <div className="grid grid-cols-2 gap-2">
        <Input
          type="date"
          aria-label={`${legend}: ${t("leads.filters.from")}`}
          value={from ?? ""}
          max={to}
          onChange={(e) => onChange(e.target.value || undefined, to)}
        />
        <Input
          type="date"
          aria-label={`${legend}: ${t("leads.filters.to")}`}
          value={to ?? ""}
          min={from}
          onChange={(e) => onChange(from, e.target.value || undefined)}
        />
      </div>
    </fieldset>
  );
}

export function LeadFiltersPopover({ filters, onPatch: set, members }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const suggestions = useLeadTagSuggestions(open);
  const count = activeFilterCount(filters);
  const neverId = useId();
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button variant="outline" aria-label={count ? `${t("leads.filters.button")} (${t("leads.filters.active", { count })})` : undefined}>
          <FilterIcon aria-hidden /> {t("leads.filters.button")}
          {count > 0 && (
            <Badge variant="info" className="ml-1 px-1.5">
              {count}
            </Badge>
          )}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="start" className="max-h-[80vh] w-[min(26rem,95vw)] overflow-y-auto">
        <div className="grid gap-4" aria-label={t("leads.filters.title")} role="group">
          <div className="grid gap-2">
            <Label>{t("leads.filterOwner")}</Label>
            <Select
              value={filters.owner ?? ANY}
              onValueChange={(v) => set({ owner: v === ANY ? undefined : (v as LeadViewFilters["owner"]) })}
            >
              <SelectTrigger className="w-full" aria-label={t("leads.filterOwner")}>
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={ANY}>{t("leads.ownerAny")}</SelectItem>
                <SelectItem value="me">{t("leads.ownerMe")}</SelectItem>
                <SelectItem value="none">{t("leads.ownerNone")}</SelectItem>
                {members.map((m) => (
                  <SelectItem key={m.id} value={m.id}>
                    {m.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          <fieldset>
            <legend className="mb-2 text-sm font-medium">{t("leads.filterStatus")}</legend>
            <CheckList
              values={LEAD_STATUSES}
              selected={filters.status ?? []}
              label={(s) => t(`leads.status.${s}`)}
              onChange={(status) => set({ status })}
            />
          </fieldset>
          <fieldset>
            <legend className="mb-2 text-sm font-medium">{t("leads.filterSource")}</legend>
            <CheckList
              values={LEAD_SOURCES}
              selected={filters.source ?? []}
              label={(s) => t(`leads.source.${s}`)}
              onChange={(source) => set({ source })}
            />
          </fieldset>
          <ScoreRange min={filters.scoreMin} max={filters.scoreMax} onChange={(scoreMin, scoreMax) => set({ scoreMin, scoreMax })} />
          <div className="grid gap-2">
            <Label>{t("leads.filters.tags")}</Label>
            <TagInput
              value={filters.tags ?? []}
              onChange={(tags) => set({ tags })}
              suggestions={suggestions}
              aria-label={t("leads.filters.tags")}
            />
          </div>
          <Separator />
          <DayRange
            legend={t("leads.filters.created")}
            from={filters.createdFrom}
            to={filters.createdTo}
            onChange={(createdFrom, createdTo) => set({ createdFrom, createdTo })}
          />
          <DayRange
            legend={t("leads.filters.lastContact")}
            from={filters.lastContactFrom}
            to={filters.lastContactTo}
            onChange={(lastContactFrom, lastContactTo) => set({ lastContactFrom, lastContactTo })}
          />
          <div className="flex items-center gap-2">
            <Checkbox
              id={neverId}
              checked={filters.neverContacted ?? false}
              onCheckedChange={(on) => set({ neverContacted: on === true || undefined })}
            />
            <Label htmlFor={neverId} className="font-normal">
              {t("leads.filters.neverContacted")}
            </Label>
          </div>
        </div>
      </PopoverContent>
    </Popover>
  );
}
