import { describe, expect, it } from "vitest";
import { duplicateKeysOf } from "./duplicate-keys";

describe("duplicateKeysOf", () => {
  it.each([
    [{ email: "  Maria@Exemplo.COM.br " }, { email: "maria@exemplo.com.br", phone: null, cnpj: null }],
    [{ phone: "(11) 98765-4321" }, { email: null, phone: "+5511987654321", cnpj: null }],
    [{ phone: "+55 11 98765 4321" }, { email: null, phone: "+5511987654321", cnpj: null }],
    [{ phone: "+1 415 555 2671" }, { email: null, phone: "+14155552671", cnpj: null }],
    [{ cnpj: "11.222.333/0001-81" }, { email: null, phone: null, cnpj: "11222333000181" }],
    [{ cnpj: "11222333000181" }, { email: null, phone: null, cnpj: "11222333000181" }],
  ])("normalizes %j", (raw, keys) => {
    expect(duplicateKeysOf(raw)).toEqual(keys);
  });

  it.each([
    ["empty", { email: "", phone: " ", cnpj: "" }],
    ["null", { email: null, phone: null, cnpj: null }],
    ["half-typed", { email: "maria@", phone: "1198", cnpj: "11.222.333" }],
    ["wrong check digits", { cnpj: "11.222.333/0001-82" }],
    ["letters in a phone", { phone: "11 98765-4321 ramal" }],
  ])("gives no key for %s values", (_label, raw) => {
    expect(duplicateKeysOf(raw)).toEqual({ email: null, phone: null, cnpj: null });
  });
});
