import { describe, expect, it } from "vitest";
import { formatRelative } from "./relative-time";
import { activeFilterCount, leadStateFromSearchParams, listFilterFromView, searchParamsFromLeadState } from "./lead-view-url";

describe("lead list state in the URL", () => {
  it("round-trips every filter, the sort and the view", () => {
    const state = {
      filters: {
        search: "padaria",
        owner: "me" as const,
        status: ["new" as const, "qualified" as const],
        source: ["website" as const],
        scoreMin: 10,
        scoreMax: 80,
        tags: ["vip", "zona sul"],
        createdFrom: "2026-01-01",
        createdTo: "2026-01-31",
        lastContactFrom: "2026-02-01",
        lastContactTo: "2026-02-28",
        neverContacted: true,
      },
      sort: { by: "lastContact" as const, dir: "asc" as const },
      viewId: "0193a3b4-1111-7222-8333-444455556666",
    };
    const params = searchParamsFromLeadState(state);
    expect(params.get("status")).toBe("new,qualified");
    expect(params.get("sort")).toBe("lastContact.asc");
    expect(leadStateFromSearchParams(new URLSearchParams(params.toString()))).toEqual(state);
  });

  it("leaves the defaults out of the URL", () => {
    expect(
      searchParamsFromLeadState({ filters: { status: [], search: "" }, sort: { by: "created", dir: "desc" }, viewId: null }).toString(),
    ).toBe("");
  });

  it("drops malformed values one by one instead of failing", () => {
    const state = leadStateFromSearchParams(
      new URLSearchParams("status=new,hot&scoreMin=abc&scoreMax=50&createdFrom=ontem&sort=price.up&tags=a;b&view=x"),
    );
    expect(state).toEqual({ filters: { scoreMax: 50 }, sort: { by: "created", dir: "desc" }, viewId: null });
  });

  it("turns calendar days into local instants covering the whole days", () => {
    const filter = listFilterFromView({ createdFrom: "2026-03-01", createdTo: "2026-03-01", search: "  " });
    expect(filter.createdFrom).toEqual(new Date(2026, 2, 1));
    expect(filter.createdTo).toEqual(new Date(2026, 2, 1, 23, 59, 59, 999));
    expect(filter.search).toBeUndefined();
    expect(activeFilterCount({ search: "x", tags: [], status: ["new"], neverContacted: false })).toBe(1);
  });
});

describe("formatRelative", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  it("says days ago in either language", () => {
    expect(formatRelative(new Date("2026-03-07T12:00:00Z"), now, "pt-BR")).toBe("há 3 dias");
    expect(formatRelative(new Date("2026-03-07T12:00:00Z"), now, "en")).toBe("3 days ago");
    expect(formatRelative(new Date("2026-03-10T11:59:50Z"), now, "pt-BR")).toBe("agora");
    expect(formatRelative(new Date("2025-12-01T12:00:00Z"), now, "en")).toBe("3 months ago");
  });
});
