import type { Metadata } from "next";
import { canEditTelephony } from "@/components/telephony/numbers/can-edit-telephony";
import { HoursView } from "@/components/telephony/hours/hours-view";
import { requireWorkspaceViewer } from "@/server/auth/workspace-member";

export const metadata: Metadata = { title: "Horários" };

export default async function HoursPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { viewer } = await requireWorkspaceViewer((await params).tenant);
  return <HoursView canEdit={canEditTelephony(viewer)} />;
}
