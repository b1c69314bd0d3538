import { en } from "./dictionaries/en";
import { ptBR, type Dictionary } from "./dictionaries/pt-BR";

export const LOCALES = ["pt-BR", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "pt-BR";
export const LOCALE_COOKIE = "linha-locale";
export type { Dictionary };

const dictionaries: Record<Locale, Dictionary> = { "pt-BR": ptBR, en };

type Paths<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Paths<Dictionary>;
export type Params = Record<string, string | number>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function getDictionary(locale: Locale): Dictionary {
  return dictionaries[locale];
}

/** Picks a supported locale from an Accept-Language header; Portuguese of any region maps to pt-BR. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  for (const part of (header ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim().toLowerCase() ?? "";
    if (tag.startsWith("pt")) return "pt-BR";
    if (tag.startsWith("en")) return "en";
  }
  return DEFAULT_LOCALE;
}

function lookup(dict: Dictionary, key: string): string | undefined {
  let node: unknown = dict;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(dict: Dictionary, key: MessageKey, params?: Params): string {
  return interpolate(lookup(dict, key) ?? key, params);
}

/**
 * Validation messages travel as "errors.<code>" keys with optional query-style parameters
 * (e.g. "errors.too_long?max=120"), so the same zod schema gives localized messages in the
 * browser (react-hook-form) and on the server (tRPC error formatter). Unknown text passes through.
 */
export function messageKey(code: keyof Dictionary["errors"], params?: Params): string {
  const query = params ? `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` : "";
  return `errors.${code}${query}`;
}

export function translateMessage(dict: Dictionary, message: string | undefined): string {
  if (!message) return "";
  const [key = "", query] = message.split("?", 2);
  const template = lookup(dict, key);
  if (!template) return message;
  return interpolate(template, query ? Object.fromEntries(new URLSearchParams(query)) : undefined);
}
