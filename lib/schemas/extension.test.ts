import { describe, expect, it } from "vitest";
import { containsHostileFragment, hostileStrings } from "@/lib/telephony/hostile-strings";
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
      { number: " 123456 ", name: "  Recepcao D'Avila  " },
      { number: "123456", name: "Recepcao D'Avila" },
    ],
    [
      { number: "0100", name: "Sala 3 - Vendas_SP.2", membershipId: ID, callerIdNumber: "+551133334444", maxContacts: 10 },
      { number: "0100", name: "Sala 3 - Vendas_SP.2", membershipId: ID, callerIdNumber: "+551133334444", maxContacts: 10 },
    ],
    [
      { number: "2001", name: "Ana", membershipId: null, callerIdNumber: "", voicemail: true, enabled: false },
      { number: "2001", name: "Ana", membershipId: null, callerIdNumber: null, voicemail: true, enabled: false },
    ],
  ])("accepts %j", (input, expected) => {
    expect(ExtensionCreateInput.parse(input)).toEqual(expected);
  });

  // Anything that could end a config line or open a section, a context or an argument list.
  it.each(["1", "1234567", "12a", "+5511", "20 01", "20\n01", "2001\n", "\t2001", "20;1", "[20]", "20,1", "20)", "٣٣٣"])(
    "refuses the number %j",
    (number) => {
      expect(issues({ number, name: "Ana" }).number).toEqual(["telephony.extensions.errors.number_invalid"]);
    },
  );

  it.each([
    "Ana\nexten => _X.,1,Dial(PJSIP/x)",
    "Ana\rRui",
    "Ana\r\n",
    "Ana;x",
    "[globex]",
    "Ana, Rui",
    "Ana)",
    "Ana(",
    '"Ana"',
    "Ana <200>",
    "Ana\tRui",
    "Ana/Rui",
    "${EXTEN}",
    "中文",
    "Ana 🙂",
    "Çarşı", // the dotless ı has no ASCII fold: no half-right suggestion
  ])("refuses the name %j", (name) => {
    expect(issues({ number: "200", name }).name).toEqual(["telephony.extensions.errors.name_invalid"]);
  });

  it.each([
    ["José", "Jose"],
    ["João Simões", "Joao+Simoes"],
    ["Ñandú", "Nandu"],
    ["Açaí", "Acai"],
  ])("refuses the accented name %j, offering the ASCII spelling", (name, suggestion) => {
    expect(issues({ number: "200", name }).name).toEqual([`telephony.extensions.errors.name_ascii?suggestion=${suggestion}`]);
  });

  it.each(["+55 11 3333-4444", "(11) 3333-4444", "5511;1", "55\n11", "+", "1"])("refuses the caller id %j", (callerIdNumber) => {
    expect(issues({ number: "200", name: "Ana", callerIdNumber }).callerIdNumber).toEqual([
      "telephony.extensions.errors.caller_id_invalid",
    ]);
  });

  it("requires a number and a name, caps the name at 40 (the caller id), bounds max contacts, checks the member id", () => {
    expect(issues({})).toMatchObject({ number: ["errors.required"], name: ["errors.required"] });
    expect(issues({ number: "", name: " " })).toMatchObject({ number: ["errors.required"], name: ["errors.required"] });
    expect(issues({ number: "200", name: "a".repeat(41) }).name).toEqual(["errors.too_long?max=40"]);
    expect(issues({ number: "200", name: "a".repeat(40) })).toEqual({});
    for (const maxContacts of [0, 11, 1.5]) {
      expect(issues({ number: "200", name: "Ana", maxContacts }).maxContacts).toEqual(["telephony.extensions.errors.max_contacts"]);
    }
    expect(issues({ number: "200", name: "Ana", membershipId: "x" }).membershipId).toEqual(["errors.invalid_id"]);
  });

  it("fuzz: no hostile string passes as a number, a name or a caller id", () => {
    const fields = [
      ["number", "1001"],
      ["name", "Ana Souza"],
      ["callerIdNumber", "+5511999990000"],
    ] as const;
    for (const [field, base] of fields) {
      for (const value of [...hostileStrings(500, 101, base), ...hostileStrings(500, 102)]) {
        expect(containsHostileFragment(value)).toBe(true);
        const input = { number: "200", name: "Ana", [field]: value };
        expect(ExtensionCreateInput.safeParse(input).success, JSON.stringify(value)).toBe(false);
      }
    }
  });
});

describe("ExtensionUpdateInput", () => {
  it("takes any editable field, and refuses a new number", () => {
    expect(ExtensionUpdateInput.parse({ id: ID, data: { name: " Novo " } })).toEqual({ id: ID, data: { name: "Novo" } });
    expect(ExtensionUpdateInput.parse({ id: ID, data: { enabled: false } })).toEqual({ id: ID, data: { enabled: false } });
    const result = ExtensionUpdateInput.safeParse({ id: ID, data: { number: "300" } });
    expect(result.error?.issues.map((i) => i.message)).toEqual(["telephony.extensions.errors.number_immutable"]);
  });
});
