"use client";

import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import { getDictionary, translate, translateMessage, type Locale, type MessageKey, type Params } from "@/lib/i18n";

type I18n = {
  locale: Locale;
  t: (key: MessageKey, params?: Params) => string;
  /** Translates an encoded validation message ("errors.too_long?max=120") or passes text through. */
  tm: (message: string | undefined) => string;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const dict = getDictionary(locale);
  const t = useCallback((key: MessageKey, params?: Params) => translate(dict, key, params), [dict]);
  const tm = useCallback((message: string | undefined) => translateMessage(dict, message), [dict]);
  const value = useMemo(() => ({ locale, t, tm }), [locale, t, tm]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>");
  return value;
}
