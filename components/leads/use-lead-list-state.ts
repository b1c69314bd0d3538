"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { z } from "zod";
import { DEFAULT_LEAD_SORT, type LeadSort } from "@/lib/schemas/lead";
import { DEFAULT_LEAD_COLUMNS, LEAD_COLUMNS, type LeadColumn, type LeadView, type LeadViewFilters } from "@/lib/schemas/lead-view";
import { leadStateFromSearchParams, searchParamsFromLeadState, type LeadUrlState } from "./lead-view-url";
import { useDebounced } from "./use-debounced";

const COLUMNS_KEY = "linha.leads.columns";
const StoredColumns = z.array(z.enum(LEAD_COLUMNS)).min(1);

/**
 * The list's state: filters, sort and the open saved view, mirrored into the URL (bookmarkable,
 * shareable, back/forward work); the columns are a personal preference kept in localStorage (and
 * in saved views). React state is the source of truth and every change is a functional update, so
 * quick successive edits (a checkbox, then a score) never overwrite each other. The search box is
 * typed locally and joins the filters debounced.
 */
export function useLeadListState() {
  const params = useSearchParams();
  const [state, setState] = useState<LeadUrlState>(() => leadStateFromSearchParams(new URLSearchParams(params.toString())));
  const [searchText, setSearchText] = useState(state.filters.search ?? "");
  const search = useDebounced(searchText.trim(), 300);
  const [columns, setColumnsState] = useState<LeadColumn[]>(DEFAULT_LEAD_COLUMNS);

  useEffect(() => {
    try {
      const stored = StoredColumns.safeParse(JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? "null"));
      if (stored.success) setColumnsState(stored.data);
    } catch {
      // Unreadable storage (private mode, bad JSON): the default columns.
    }
    const onPop = () => {
      const next = leadStateFromSearchParams(new URLSearchParams(window.location.search));
      setState(next);
      setSearchText(next.filters.search ?? "");
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  useEffect(() => {
    setState((s) => ((s.filters.search ?? "") === search ? s : { ...s, filters: { ...s.filters, search: search || undefined } }));
  }, [search]);

  // The native history API: Next's router syncs useSearchParams without a server round trip
  // (router.replace would re-render the page's server components on every click).
  useEffect(() => {
    const query = searchParamsFromLeadState(state).toString();
    if (query !== window.location.search.replace(/^\?/, "")) {
      window.history.replaceState(window.history.state, "", query ? `${window.location.pathname}?${query}` : window.location.pathname);
    }
  }, [state]);

  const setColumns = useCallback((next: LeadColumn[]) => {
    setColumnsState(next);
    try {
      localStorage.setItem(COLUMNS_KEY, JSON.stringify(next));
    } catch {
      // Storage full or disabled: the choice lasts for this page only.
    }
  }, []);

  return {
    filters: state.filters,
    sort: state.sort,
    viewId: state.viewId,
    columns,
    searchText,
    setSearchText,
    /** Merges into the current filters (functional: safe for several changes in one tick). */
    patchFilters: useCallback((patch: Partial<LeadViewFilters>) => setState((s) => ({ ...s, filters: { ...s.filters, ...patch } })), []),
    setSort: useCallback((sort: LeadSort) => setState((s) => ({ ...s, sort })), []),
    setColumns,
    /** Opens a saved view (or, with null, the plain list): its filters, sort and columns at once. */
    applyView: (view: LeadView | null, viewId: string | null) => {
      setSearchText(view?.filters.search ?? "");
      if (view) setColumns(view.columns);
      setState({ filters: view?.filters ?? {}, sort: view?.sort ?? DEFAULT_LEAD_SORT, viewId });
    },
    clearFilters: () => {
      setSearchText("");
      setState((s) => ({ ...s, filters: {} }));
    },
  };
}

export type LeadListState = ReturnType<typeof useLeadListState>;
