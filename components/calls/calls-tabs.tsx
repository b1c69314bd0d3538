"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";

const TABS = [
  { href: "/calls", label: "calls.tabs.live", exact: true },
  { href: "/calls/history", label: "calls.tabs.history", exact: false },
] as const;

/** Links, not a tab widget: each section is its own page, so the URL says where you are. */
export function CallsTabs() {
  const { t } = useI18n();
  const pathname = usePathname();
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">{t("calls.title")}</h1>
      <p className="text-sm text-muted-foreground">{t("calls.subtitle")}</p>
      <nav aria-label={t("calls.title")} className="mt-3 flex flex-wrap gap-1 border-b">
        {TABS.map((tab) => {
          const active = tab.exact ? pathname === tab.href : pathname === tab.href || pathname.startsWith(`${tab.href}/`);
          return (
            <Link
              key={tab.href}
              href={tab.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
                active && "border-primary text-foreground",
              )}
            >
              {t(tab.label)}
            </Link>
          );
        })}
      </nav>
    </div>
  );
}
