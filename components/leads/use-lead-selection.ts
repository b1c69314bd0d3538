"use client";

import { useEffect, useState } from "react";
import type { LeadFilter, LeadOutput, LeadSelection } from "@/lib/schemas/lead";
import type { TableSelection } from "./leads-table";

type State = { mode: "ids"; ids: string[] } | { mode: "all" };

/**
 * Ticked rows (kept across pages, in the order ticked: the first two become merge's keep/merge
 * pair), or "all N matching", which the server resolves from the filter. Any change of filters
 * or sort (`scopeKey`) starts over: a selection never silently spans two different lists.
 */
export function useLeadSelection(pageLeads: LeadOutput[] | undefined, stale: boolean, filter: LeadFilter, scopeKey: string) {
  const [state, setState] = useState<State>({ mode: "ids", ids: [] });
  useEffect(() => setState({ mode: "ids", ids: [] }), [scopeKey]);

  const pageIds = pageLeads?.map((l) => l.id) ?? [];
  const ids = state.mode === "ids" ? state.ids : [];
  const isSelected = (id: string) => state.mode === "all" || ids.includes(id);
  const onPage = pageIds.filter(isSelected).length;

  const table: TableSelection = {
    // While the previous list stands in for the one loading, ticking would select the wrong rows.
    disabled: stale,
    isSelected,
    page: pageIds.length > 0 && onPage === pageIds.length ? true : onPage > 0 ? "indeterminate" : false,
    toggle: (lead) =>
      setState((s) => {
        // Unticking one row out of "all matching" keeps the rest of this page ticked.
        if (s.mode === "all") return { mode: "ids", ids: pageIds.filter((id) => id !== lead.id) };
        return { mode: "ids", ids: s.ids.includes(lead.id) ? s.ids.filter((id) => id !== lead.id) : [...s.ids, lead.id] };
      }),
    togglePage: () =>
      setState((s) => {
        if (s.mode === "all" || pageIds.every((id) => s.ids.includes(id))) {
          return { mode: "ids", ids: s.mode === "all" ? [] : s.ids.filter((id) => !pageIds.includes(id)) };
        }
        return { mode: "ids", ids: [...s.ids, ...pageIds.filter((id) => !s.ids.includes(id))] };
      }),
  };

  const selection: LeadSelection | null = state.mode === "all" ? { filter } : ids.length > 0 ? { ids } : null;
  return {
    table,
    selection,
    allMatching: state.mode === "all",
    ids,
    /** Every row of the page is ticked (the moment to offer "select all N matching"). */
    pageFullySelected: state.mode === "ids" && pageIds.length > 0 && onPage === pageIds.length,
    selectAllMatching: () => setState({ mode: "all" }),
    clear: () => setState({ mode: "ids", ids: [] }),
  };
}

export type LeadSelectionState = ReturnType<typeof useLeadSelection>;
