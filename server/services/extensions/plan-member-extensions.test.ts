import { describe, expect, it } from "vitest";
import { isValidCallerIdName } from "@/lib/telephony/allow-list";
import { memberCallerIdName, planMemberExtensions } from "./plan-member-extensions";

const member = (id: string, name: string, email = `${id}@acme.test`) => ({ id, name, email });

describe("planMemberExtensions", () => {
  it("numbers members in order from 1001, skipping numbers already taken", () => {
    const planned = planMemberExtensions([member("a", "Ana"), member("b", "Bia"), member("c", "Caio")], new Set(["1001", "1003"]));
    expect(planned).toEqual([
      { membershipId: "a", number: "1002", name: "Ana" },
      { membershipId: "b", number: "1004", name: "Bia" },
      { membershipId: "c", number: "1005", name: "Caio" },
    ]);
  });

  it("returns null when the six-digit range runs out", () => {
    expect(planMemberExtensions([member("a", "Ana"), member("b", "Bia")], new Set(), 999_999)).toBeNull();
    expect(planMemberExtensions([member("a", "Ana")], new Set(), 999_999)).toEqual([{ membershipId: "a", number: "999999", name: "Ana" }]);
  });
});

describe("memberCallerIdName", () => {
  it.each([
    [member("a", "João Simões"), "Joao Simoes"],
    [member("a", "Ana (vendas); [sp]"), "Ana vendas sp"],
    [member("a", "中文", "li.wei@acme.test"), "li wei"],
    [member("a", "中文", "中@acme.test"), "1001"],
    [member("a", "x".repeat(60)), "x".repeat(40)],
  ])("%j → %s", (m, expected) => {
    const name = memberCallerIdName(m, "1001");
    expect(name).toBe(expected);
    expect(isValidCallerIdName(name)).toBe(true);
  });
});
