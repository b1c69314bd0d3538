"use client";

import { ArrowDownUpIcon, SearchIcon, XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useI18n } from "@/components/providers/i18n-provider";
import { LeadImportButton } from "@/components/leads/import/lead-import-button";
import type { LeadSort } from "@/lib/schemas/lead";
import { ColumnsMenu } from "./columns-menu";
import { ExportLeadsButton } from "./export-leads-button";
import { LeadFiltersPopover } from "./lead-filters-popover";
import { activeFilterCount, listFilterFromView, SORT_OPTIONS } from "./lead-view-url";
import { SavedViewsMenu } from "./saved-views-menu";
import type { LeadListState } from "./use-lead-list-state";

type Props = {
  state: LeadListState;
  /** Owners the filter offers besides me/none. */
  members: { id: string; name: string }[];
  readOnly: boolean;
};

export function LeadsToolbar({ state, members, readOnly }: Props) {
  const { t } = useI18n();
  const filtered = activeFilterCount(state.filters) > 0 || Boolean(state.searchText.trim());
  return (
    <div className="flex flex-col gap-2 lg:flex-row lg:flex-wrap lg:items-center">
      <div className="flex flex-1 gap-2">
        <SavedViewsMenu
          current={{ filters: state.filters, sort: state.sort, columns: state.columns }}
          viewId={state.viewId}
          onApply={state.applyView}
          canSave={!readOnly}
        />
        <div className="relative min-w-48 flex-1 lg:max-w-96">
          <SearchIcon className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
          <Input
            type="search"
            value={state.searchText}
            onChange={(e) => state.setSearchText(e.target.value)}
            placeholder={t("leads.searchPlaceholder")}
            aria-label={t("common.search")}
            maxLength={100}
            className="pl-8"
          />
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <LeadFiltersPopover filters={state.filters} onPatch={state.patchFilters} members={members} />
        <Select
          value={`${state.sort.by}.${state.sort.dir}`}
          onValueChange={(v) => {
            const [by, dir] = v.split(".") as [LeadSort["by"], LeadSort["dir"]];
            state.setSort({ by, dir });
          }}
        >
          <SelectTrigger className="w-auto" aria-label={t("leads.sort.label")}>
            <ArrowDownUpIcon aria-hidden className="text-muted-foreground" />
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {SORT_OPTIONS.map((option) => (
              <SelectItem key={option} value={option}>
                {t(`leads.sort.${option.replace(".", "_") as "created_desc"}`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <ColumnsMenu columns={state.columns} onChange={state.setColumns} />
        <ExportLeadsButton filter={listFilterFromView(state.filters)} sort={state.sort} />
        {!readOnly && <LeadImportButton />}
        {filtered && (
          <Button variant="ghost" onClick={state.clearFilters}>
            <XIcon aria-hidden /> {t("leads.clearFilters")}
          </Button>
        )}
      </div>
    </div>
  );
}
