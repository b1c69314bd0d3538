import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers/providers";
import { THEME_INIT_SCRIPT } from "@/lib/theme";
import { requestLocale } from "@/server/i18n";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Linha", template: "%s · Linha" },
  description: "CRM e telefonia para equipes de vendas",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale();
  return (
    <html lang={locale} suppressHydrationWarning>
      <head>
        {/* Sets the theme class before first paint, so a dark-theme user never sees a light flash. */}
        <script dangerouslySetInnerHTML={{ __html: THEME_INIT_SCRIPT }} />
      </head>
      <body className="min-h-svh bg-background font-sans text-foreground antialiased">
        <Providers locale={locale}>{children}</Providers>
      </body>
    </html>
  );
}
