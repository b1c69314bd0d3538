import { describe, expect, it } from "vitest";
import { auditChanges, displayValue } from "./audit-diff";

describe("auditChanges", () => {
  it("keeps only the fields an update changed", () => {
    expect(
      auditChanges(
        { name: "Acme", status: "active", suspendedAt: null, planId: "p1" },
        { name: "Acme", status: "suspended", suspendedAt: "2026-11-21T12:00:00.000Z", planId: "p1" },
      ),
    ).toEqual([
      { field: "status", before: "active", after: "suspended" },
      { field: "suspendedAt", before: null, after: "2026-11-21T12:00:00.000Z" },
    ]);
  });

  it("lists every field of a creation and of a deletion", () => {
    expect(auditChanges(null, { slug: "acme", cnpj: null })).toEqual([{ field: "slug", before: undefined, after: "acme" }]);
    expect(auditChanges({ slug: "acme" }, null)).toEqual([{ field: "slug", before: "acme", after: undefined }]);
  });

  it("compares nested objects by path and arrays as a whole", () => {
    expect(
      auditChanges(
        { owner: { email: "a@x.test", name: "A" }, codecs: ["alaw", "ulaw"] },
        { owner: { email: "b@x.test", name: "A" }, codecs: ["alaw", "ulaw"] },
      ),
    ).toEqual([{ field: "owner.email", before: "a@x.test", after: "b@x.test" }]);
    expect(auditChanges({ codecs: ["alaw"] }, { codecs: ["ulaw", "alaw"] })).toEqual([
      { field: "codecs", before: ["alaw"], after: ["ulaw", "alaw"] },
    ]);
  });

  it("treats a missing key and null alike, and finds no change in identical snapshots", () => {
    expect(auditChanges({ a: null }, {})).toEqual([]);
    expect(auditChanges({ a: 1, b: { c: 2 } }, { a: 1, b: { c: 2 } })).toEqual([]);
    expect(auditChanges(null, null)).toEqual([]);
  });

  it("shows a scalar snapshot as a single value", () => {
    expect(auditChanges("old", "new")).toEqual([{ field: "value", before: "old", after: "new" }]);
  });
});

describe("displayValue", () => {
  it("says nothing for empty values and writes the rest as text", () => {
    expect([null, undefined, ""].map(displayValue)).toEqual([null, null, null]);
    expect(displayValue("acme")).toBe("acme");
    expect(displayValue(3)).toBe("3");
    expect(displayValue(["alaw", "ulaw"])).toBe('["alaw","ulaw"]');
    expect(displayValue(false)).toBe("false");
  });
});
