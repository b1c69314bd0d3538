import { cookies, headers } from "next/headers";
import {
  getDictionary,
  isLocale,
  LOCALE_COOKIE,
  localeFromAcceptLanguage,
  translate,
  type Locale,
  type MessageKey,
  type Params,
} from "@/lib/i18n";

/** The visitor's language: the language switch's cookie, else the browser's Accept-Language. */
export async function requestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

export async function serverTranslator(): Promise<(key: MessageKey, params?: Params) => string> {
  const dict = getDictionary(await requestLocale());
  return (key, params) => translate(dict, key, params);
}
