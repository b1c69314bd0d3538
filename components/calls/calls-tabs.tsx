"use client";

import { SectionTabs, type SectionTab } from "@/components/shell/section-tabs";

const TABS: SectionTab[] = [
  { href: "/calls", label: "calls.tabs.live", exact: true },
  { href: "/calls/history", label: "calls.tabs.history" },
];

export function CallsTabs() {
  return <SectionTabs title="calls.title" subtitle="calls.subtitle" tabs={TABS} />;
}
