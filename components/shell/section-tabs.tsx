"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import type { MessageKey } from "@/lib/i18n";

export type SectionTab = {
  href: string;
  label: MessageKey;
  /** Active only on this exact path (a section's index page). */ exact?: boolean;
};

/** A section's title and its pages as links, not a tab widget: each is its own page, so the URL says where you are. */
export function SectionTabs({ title, subtitle, tabs }: { title: MessageKey; subtitle: MessageKey; tabs: readonly SectionTab[] }) {
  const { t } = useI18n();
  const pathname = usePathname();
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">{t(title)}</h1>
      <p className="text-sm text-muted-foreground">{t(subtitle)}</p>
      <nav aria-label={t(title)} className="mt-3 flex flex-wrap gap-1 border-b">
        {tabs.map((tab) => {
          const active = pathname === tab.href || (!tab.exact && pathname.startsWith(`${tab.href}/`));
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
