import type { Metadata } from "next";
import { headers } from "next/headers";
import { SettingsView } from "@/components/settings/settings-view";
import { requireWorkspaceMember } from "@/server/auth/workspace-member";
import { serverTranslator } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator())("settings.title") };
}

export default async function SettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<{ tab?: string | string[] }>;
}) {
  const { membership } = await requireWorkspaceMember((await params).tenant);
  const { tab } = await searchParams;
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? ""}`;
  return <SettingsView role={membership.role} workspaceOrigin={origin} initialTab={typeof tab === "string" ? tab : undefined} />;
}
