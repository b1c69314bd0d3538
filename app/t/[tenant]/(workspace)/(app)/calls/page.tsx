import type { Metadata } from "next";
import { LiveBoard } from "@/components/calls/live-board";
import { requireWorkspaceViewer } from "@/server/auth/workspace-member";
import { serverTranslator } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await serverTranslator();
  return { title: `${t("callsBoard.title")} · ${t("calls.title")}` };
}

export default async function LiveCallsPage({ params }: { params: Promise<{ tenant: string }> }) {
  // Every member (and a support session, read-only) sees the board; the procedures decide what they may do.
  await requireWorkspaceViewer((await params).tenant);
  return <LiveBoard />;
}
