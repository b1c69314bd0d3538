"use client";

import { SectionTabs, type SectionTab } from "@/components/shell/section-tabs";

const TABS: SectionTab[] = [
  { href: "/telephony/extensions", label: "telephony.tabs.extensions" },
  { href: "/telephony/trunks", label: "telephony.tabs.trunks" },
  { href: "/telephony/numbers", label: "telephony.tabs.numbers" },
  { href: "/telephony/ring-groups", label: "telephony.tabs.ringGroups" },
  { href: "/telephony/hours", label: "telephony.tabs.hours" },
  { href: "/telephony/sync", label: "telephony.tabs.sync" },
];

export function TelephonyTabs() {
  return <SectionTabs title="telephony.title" subtitle="telephony.subtitle" tabs={TABS} />;
}
