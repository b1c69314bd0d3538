import type { Metadata } from "next";
import { canEditTelephony } from "@/components/telephony/numbers/can-edit-telephony";
import { RingGroupsView } from "@/components/telephony/ring-groups/ring-groups-view";
import { requireWorkspaceViewer } from "@/server/auth/workspace-member";

export const metadata: Metadata = { title: "Grupos de toque" };

export default async function RingGroupsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { viewer } = await requireWorkspaceViewer((await params).tenant);
  return <RingGroupsView canEdit={canEditTelephony(viewer)} />;
}
