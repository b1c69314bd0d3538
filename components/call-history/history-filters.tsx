"use client";

import { DownloadIcon, SearchIcon, XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useI18n } from "@/components/providers/i18n-provider";
import { CALL_DIRECTIONS, CALL_DISPOSITIONS, type CallDirection, type CallDisposition } from "@/lib/schemas/calls";
import { RANGE_PRESETS, type HistoryFilterState, type RangePreset } from "./history-range";

const ANY = "__any";

type Props = {
  value: HistoryFilterState;
  onChange: (next: HistoryFilterState) => void;
  /** Managers pick a member; reps only ever see their own calls. */
  members: { userId: string; name: string }[] | null;
  invalidRange: boolean;
  exportHref: string | null;
};

/** The history's filter bar: period (presets or two dates), direction, status, member, number; and the CSV link. */
export function HistoryFilters({ value, onChange, members, invalidRange, exportHref }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<HistoryFilterState>) => onChange({ ...value, ...patch });
  const dirty = value.direction || value.disposition || value.userId || value.number || value.preset !== "30d";

  return (
    <section aria-label={t("callHistory.filters.label")} className="flex flex-wrap items-end gap-3" data-testid="history-filters">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="history-period">{t("callHistory.filters.period")}</Label>
        <Select value={value.preset} onValueChange={(v) => set({ preset: v as RangePreset })}>
          <SelectTrigger id="history-period" className="w-44">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {RANGE_PRESETS.map((p) => (
              <SelectItem key={p} value={p}>
                {t(`callHistory.filters.presets.${p}`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      {value.preset === "custom" && (
        <>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="history-from">{t("callHistory.filters.from")}</Label>
            <Input
              id="history-from"
              type="date"
              className="w-40"
              value={value.fromDate}
              aria-invalid={invalidRange}
              aria-describedby={invalidRange ? "history-range-error" : undefined}
              onChange={(e) => set({ fromDate: e.target.value })}
            />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="history-to">{t("callHistory.filters.to")}</Label>
            <Input
              id="history-to"
              type="date"
              className="w-40"
              value={value.toDate}
              aria-invalid={invalidRange}
              aria-describedby={invalidRange ? "history-range-error" : undefined}
              onChange={(e) => set({ toDate: e.target.value })}
            />
          </div>
        </>
      )}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="history-direction">{t("callHistory.filters.direction")}</Label>
        <Select value={value.direction ?? ANY} onValueChange={(v) => set({ direction: v === ANY ? null : (v as CallDirection) })}>
          <SelectTrigger id="history-direction" className="w-40">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANY}>{t("callHistory.filters.anyDirection")}</SelectItem>
            {CALL_DIRECTIONS.map((d) => (
              <SelectItem key={d} value={d}>
                {t(`calls.direction.${d}`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="history-disposition">{t("callHistory.filters.disposition")}</Label>
        <Select value={value.disposition ?? ANY} onValueChange={(v) => set({ disposition: v === ANY ? null : (v as CallDisposition) })}>
          <SelectTrigger id="history-disposition" className="w-44">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANY}>{t("callHistory.filters.anyDisposition")}</SelectItem>
            {CALL_DISPOSITIONS.map((d) => (
              <SelectItem key={d} value={d}>
                {t(`calls.disposition.${d}`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      {members && (
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="history-member">{t("callHistory.filters.member")}</Label>
          <Select value={value.userId ?? ANY} onValueChange={(v) => set({ userId: v === ANY ? null : v })}>
            <SelectTrigger id="history-member" className="w-44">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ANY}>{t("callHistory.filters.anyMember")}</SelectItem>
              {members.map((m) => (
                <SelectItem key={m.userId} value={m.userId}>
                  {m.name}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
      )}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="history-number">{t("callHistory.filters.number")}</Label>
        <div className="relative">
          <SearchIcon aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
          <Input
            id="history-number"
            type="search"
            inputMode="tel"
            maxLength={32}
            className="w-48 pl-8"
            placeholder={t("callHistory.filters.numberPlaceholder")}
            value={value.number}
            onChange={(e) => set({ number: e.target.value.replace(/[^0-9+() .-]/g, "") })}
          />
        </div>
      </div>
      {value.leadId && (
        <Button type="button" variant="secondary" onClick={() => set({ leadId: null })} title={t("callHistory.filters.clearLead")}>
          {t("callHistory.filters.leadOnly")} <XIcon aria-hidden />
          <span className="sr-only">{t("callHistory.filters.clearLead")}</span>
        </Button>
      )}
      {dirty && (
        <Button
          type="button"
          variant="ghost"
          onClick={() => onChange({ ...value, preset: "30d", direction: null, disposition: null, userId: null, number: "" })}
        >
          <XIcon aria-hidden /> {t("callHistory.filters.clear")}
        </Button>
      )}
      <div className="ml-auto">
        {exportHref ? (
          <Button asChild variant="outline" title={t("callHistory.exportHint")}>
            <a href={exportHref} download data-testid="history-export">
              <DownloadIcon aria-hidden /> {t("callHistory.export")}
            </a>
          </Button>
        ) : (
          <Button variant="outline" disabled>
            <DownloadIcon aria-hidden /> {t("callHistory.export")}
          </Button>
        )}
      </div>
      {invalidRange && (
        <p id="history-range-error" role="alert" className="w-full text-sm text-destructive">
          {t("callHistory.filters.invalidRange")}
        </p>
      )}
    </section>
  );
}
