import type { Session } from "next-auth";
import { parseHost, type HostTarget } from "@/lib/host";
import { rootDomain } from "@/lib/env";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from "@/lib/i18n";

export type Context = {
  target: HostTarget;
  session: Session | null;
  locale: Locale;
  /** The client's address as the proxy in front of us reports it (for the audit log). */
  ip: string | null;
  /** A tenant API key from `Authorization: Bearer …`, when the request carries one. */
  apiKey: string | null;
  /** Scheme, host and port the browser used, for links to other hosts (lib/host hostUrl). */
  origin: string;
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

export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || headers.get("x-real-ip") || null)?.slice(0, 64) ?? null;
}

function bearerToken(headers: Headers): string | null {
  const match = /^Bearer\s+(\S{10,200})$/i.exec(headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

export function createContext(headers: Headers, session: Session | null): Context {
  return {
    target: parseHost(headers.get("host"), rootDomain()),
    session,
    locale: localeFromHeaders(headers),
    ip: clientIp(headers),
    apiKey: bearerToken(headers),
    origin: `${headers.get("x-forwarded-proto") ?? "http"}://${headers.get("host") ?? rootDomain()}`,
  };
}
