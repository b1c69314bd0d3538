import { describe, expect, it } from "vitest";
import { en } from "./dictionaries/en";
import { ptBR } from "./dictionaries/pt-BR";
import { getDictionary, localeFromAcceptLanguage, messageKey, translate, translateMessage } from "./index";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

describe("dictionaries", () => {
  it("en has exactly the keys of pt-BR, none empty", () => {
    expect(keys(en).sort()).toEqual(keys(ptBR).sort());
    for (const dict of [en, ptBR]) for (const k of keys(dict)) expect(translate(dict, k as never)).not.toBe("");
  });

  it("interpolates parameters", () => {
    expect(translate(getDictionary("pt-BR"), "auth.locked", { minutes: 15 })).toBe(
      "Muitas tentativas sem sucesso. Tente novamente em 15 min.",
    );
  });

  it("translates encoded validation messages in either language", () => {
    const msg = messageKey("too_long", { max: 120 });
    expect(translateMessage(getDictionary("en"), msg)).toBe("Use at most 120 characters.");
    expect(translateMessage(getDictionary("pt-BR"), msg)).toBe("Use no máximo 120 caracteres.");
    expect(translateMessage(getDictionary("en"), "plain text")).toBe("plain text");
  });

  it("picks the locale from Accept-Language", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("pt-PT,pt;q=0.9")).toBe("pt-BR");
    expect(localeFromAcceptLanguage("fr-FR")).toBe("pt-BR");
    expect(localeFromAcceptLanguage(undefined)).toBe("pt-BR");
  });
});
