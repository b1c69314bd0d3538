"use client";

import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n";
import { Toaster } from "@/components/ui/sonner";
import { I18nProvider } from "./i18n-provider";
import { ThemeProvider } from "./theme-provider";
import { TRPCReactProvider } from "./trpc-provider";

export function Providers({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <ThemeProvider>
      <I18nProvider locale={locale}>
        <TRPCReactProvider>
          {children}
          <Toaster />
        </TRPCReactProvider>
      </I18nProvider>
    </ThemeProvider>
  );
}
