import type { Session } from "next-auth";
import { parseHost, type HostTarget } from "@/lib/host";
import { rootDomain } from "@/lib/env";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from "@/lib/i18n";

export type Context = {
  target: HostTarget;
  session: Session | null;
  locale: Locale;
};

function cookieValue(cookieHeader: string | null, name: string): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

export function localeFromHeaders(headers: Headers): Locale {
  const fromCookie = cookieValue(headers.get("cookie"), LOCALE_COOKIE);
  if (isLocale(fromCookie)) return fromCookie;
  return headers.get("accept-language") ? localeFromAcceptLanguage(headers.get("accept-language")) : DEFAULT_LOCALE;
}

export function createContext(headers: Headers, session: Session | null): Context {
  return {
    target: parseHost(headers.get("host"), rootDomain()),
    session,
    locale: localeFromHeaders(headers),
  };
}
