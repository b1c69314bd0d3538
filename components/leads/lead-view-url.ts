import { DEFAULT_LEAD_SORT, LEAD_SORT_FIELDS, LeadSort, type LeadFilter } from "@/lib/schemas/lead";
import { LeadViewFilters, type LeadViewFilters as Filters } from "@/lib/schemas/lead-view";

// The leads list's filters and sort in the page's query string, so a view can be bookmarked or
// shared. Anything malformed in a hand-edited URL is dropped, never sent to the server.

const list = (value: string | null) => (value ? value.split(",").filter(Boolean) : undefined);
const int = (value: string | null) => (value !== null && /^-?\d+$/.test(value) ? Number(value) : undefined);

/** Keys of the query string, kept short for readable links. */
const KEYS = {
  search: "q",
  owner: "owner",
  status: "status",
  source: "source",
  scoreMin: "scoreMin",
  scoreMax: "scoreMax",
  tags: "tags",
  createdFrom: "createdFrom",
  createdTo: "createdTo",
  lastContactFrom: "contactFrom",
  lastContactTo: "contactTo",
  neverContacted: "never",
} as const satisfies Record<keyof Filters, string>;

export type LeadUrlState = { filters: Filters; sort: LeadSort; viewId: string | null };

export function leadStateFromSearchParams(params: URLSearchParams): LeadUrlState {
  const raw: Record<keyof Filters, unknown> = {
    search: params.get(KEYS.search) ?? undefined,
    owner: params.get(KEYS.owner) ?? undefined,
    status: list(params.get(KEYS.status)),
    source: list(params.get(KEYS.source)),
    scoreMin: int(params.get(KEYS.scoreMin)),
    scoreMax: int(params.get(KEYS.scoreMax)),
    tags: list(params.get(KEYS.tags)),
    createdFrom: params.get(KEYS.createdFrom) ?? undefined,
    createdTo: params.get(KEYS.createdTo) ?? undefined,
    lastContactFrom: params.get(KEYS.lastContactFrom) ?? undefined,
    lastContactTo: params.get(KEYS.lastContactTo) ?? undefined,
    neverContacted: params.get(KEYS.neverContacted) === "1" ? true : undefined,
  };
  // Field by field: one bad value loses that filter only.
  const filters: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const parsed = LeadViewFilters.shape[key as keyof Filters].safeParse(value);
    if (parsed.success && parsed.data !== undefined) filters[key] = parsed.data;
  }
  const [by, dir] = (params.get("sort") ?? "").split(".");
  const sort = LeadSort.safeParse({ by, dir });
  const viewId = params.get("view");
  return {
    filters: filters as Filters,
    sort: sort.success ? sort.data : DEFAULT_LEAD_SORT,
    viewId: viewId && /^[0-9a-f-]{36}$/.test(viewId) ? viewId : null,
  };
}

export function searchParamsFromLeadState({ filters, sort, viewId }: LeadUrlState): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters) as [keyof Filters, unknown][]) {
    if (value === undefined || value === "" || value === false || (Array.isArray(value) && value.length === 0)) continue;
    params.set(KEYS[key], value === true ? "1" : Array.isArray(value) ? value.join(",") : String(value));
  }
  if (sort.by !== DEFAULT_LEAD_SORT.by || sort.dir !== DEFAULT_LEAD_SORT.dir) params.set("sort", `${sort.by}.${sort.dir}`);
  if (viewId) params.set("view", viewId);
  return params;
}

/** Drops empty values so two equal views compare equal ("modified" badge, URL round trips). */
export function cleanFilters(filters: Filters): Filters {
  return Object.fromEntries(
    Object.entries(filters).filter(([, v]) => v !== undefined && v !== "" && v !== false && !(Array.isArray(v) && v.length === 0)),
  ) as Filters;
}

export function activeFilterCount(filters: Filters): number {
  const { search: _search, ...rest } = cleanFilters(filters);
  return Object.keys(rest).length;
}

function localDay(day: string, endOfDay: boolean): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return endOfDay ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d);
}

/** Calendar days become instants in the browser's time zone: "until 2026-03-01" includes that whole day. */
export function listFilterFromView(filters: Filters): LeadFilter {
  const { createdFrom, createdTo, lastContactFrom, lastContactTo, search, ...rest } = cleanFilters(filters);
  return {
    ...rest,
    search: search?.trim() || undefined,
    createdFrom: createdFrom ? localDay(createdFrom, false) : undefined,
    createdTo: createdTo ? localDay(createdTo, true) : undefined,
    lastContactFrom: lastContactFrom ? localDay(lastContactFrom, false) : undefined,
    lastContactTo: lastContactTo ? localDay(lastContactTo, true) : undefined,
  };
}

export const SORT_OPTIONS = LEAD_SORT_FIELDS.flatMap((by) =>
  by === "name" ? ([`${by}.asc`, `${by}.desc`] as const) : ([`${by}.desc`, `${by}.asc`] as const),
);
