"use client";

import { SectionTabs, type SectionTab } from "@/components/shell/section-tabs";

const TABS: SectionTab[] = [
  { href: "/invoices", label: "invoices.tabs.invoices", exact: true },
  { href: "/rating", label: "invoices.tabs.rating" },
  { href: "/invoices/taxes", label: "invoices.tabs.taxes" },
];

/** The console's billing section: invoices, rating runs and taxes are pages of one section. */
export function BillingTabs() {
  return <SectionTabs title="invoices.section.title" subtitle="invoices.section.subtitle" tabs={TABS} />;
}
