import { describe, expect, it } from "vitest";
import { ExtensionCreateInput, ExtensionUpdateInput } from "./extension";

const ID = "0190a4b2-7c3e-7000-8000-000000000000";

function issues(input: unknown): Record<string, string[]> {
  const result = ExtensionCreateInput.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join(".")] ??= []).push(issue.message);
  return out;
}

describe("ExtensionCreateInput", () => {
  it.each([
    [
      { number: "20", name: "Ana" },
      { number: "20", name: "Ana" },
    ],
    [
      { number: " 123456 ", name: "  Recepção D'Ávila  " },
      { number: "123456", name: "Recepção D'Ávila" },
    ],
    [
      { number: "0100", name: "Sala 3 - Vendas_SP.2", membershipId: ID },
      { number: "0100", name: "Sala 3 - Vendas_SP.2", membershipId: ID },
    ],
    [
      { number: "2001", name: "Ana", membershipId: null },
      { number: "2001", name: "Ana", membershipId: null },
    ],
  ])("accepts %j", (input, expected) => {
    expect(ExtensionCreateInput.parse(input)).toEqual(expected);
  });

  // Anything that could end a config line or open a section, a context or an argument list.
  it.each(["1", "1234567", "12a", "+5511", "20 01", "20\n01", "20;1", "[20]", "20,1", "20)", "٣٣٣"])("refuses the number %j", (number) => {
    expect(issues({ number, name: "Ana" }).number).toEqual(["plans.extensions.errors.number_invalid"]);
  });

  it.each([
    "Ana\nexten => _X.,1,Dial(PJSIP/x)",
    "Ana\rRui",
    "Ana;x",
    "[globex]",
    "Ana, Rui",
    "Ana)",
    "Ana(",
    '"Ana"',
    "Ana <200>",
    "Ana\tRui",
    "Ana/Rui",
  ])("refuses the name %j", (name) => {
    expect(issues({ number: "200", name }).name).toEqual(["plans.extensions.errors.name_invalid"]);
  });

  it("trims surrounding whitespace (a trailing newline never reaches the config)", () => {
    expect(ExtensionCreateInput.parse({ number: "2001\n", name: "Ana\r\n" })).toEqual({ number: "2001", name: "Ana" });
  });

  it("requires a number and a name, caps the name, checks the member id", () => {
    expect(issues({})).toMatchObject({ number: ["errors.required"], name: ["errors.required"] });
    expect(issues({ number: "", name: " " })).toMatchObject({ number: ["errors.required"], name: ["errors.required"] });
    expect(issues({ number: "200", name: "a".repeat(81) }).name).toEqual(["errors.too_long?max=80"]);
    expect(issues({ number: "200", name: "Ana", membershipId: "x" }).membershipId).toEqual(["errors.invalid_id"]);
  });
});

describe("ExtensionUpdateInput", () => {
  it("takes a name and a member, and refuses a new number", () => {
    expect(ExtensionUpdateInput.parse({ id: ID, data: { name: " Novo " } })).toEqual({ id: ID, data: { name: "Novo" } });
    const result = ExtensionUpdateInput.safeParse({ id: ID, data: { number: "300" } });
    expect(result.error?.issues.map((i) => i.message)).toEqual(["plans.extensions.errors.number_immutable"]);
  });
});
