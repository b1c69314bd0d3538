import { describe, expect, it } from "vitest";
import { findFileDuplicates } from "./find-file-duplicates";

const keys = (email: string | null, phone: string | null, cnpj: string | null) => ({ email, phone, cnpj });

describe("findFileDuplicates", () => {
  it("points each repeat at the first line with the same key, per key", () => {
    const found = findFileDuplicates([
      { line: 2, keys: keys("a@x.com", "+5511987654321", null) },
      { line: 3, keys: keys("b@x.com", "+5511987654321", "11222333000181") },
      { line: 5, keys: keys("a@x.com", null, "11222333000181") },
      { line: 6, keys: keys(null, null, null) },
    ]);
    expect(found).toEqual([
      { line: 3, field: "phone", value: "+5511987654321", firstLine: 2, lead: null },
      { line: 5, field: "email", value: "a@x.com", firstLine: 2, lead: null },
      { line: 5, field: "cnpj", value: "11222333000181", firstLine: 3, lead: null },
    ]);
  });
});
