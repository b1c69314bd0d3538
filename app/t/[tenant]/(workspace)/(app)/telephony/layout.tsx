import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { TelephonyTabs } from "@/components/telephony/telephony-tabs";
import { requireWorkspaceMember } from "@/server/auth/workspace-member";

/** Telephony is configured by admins and read by managers; reps never see it (the nav hides it too). */
export default async function TelephonyLayout({ children, params }: { children: ReactNode; params: Promise<{ tenant: string }> }) {
  const { membership } = await requireWorkspaceMember((await params).tenant);
  if (membership.role === "rep") notFound();
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <TelephonyTabs />
      {children}
    </div>
  );
}
