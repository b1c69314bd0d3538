import type { Metadata } from "next";
import { BoardView } from "@/components/pipelines/board-view";
import { requireWorkspaceViewer } from "@/server/auth/workspace-member";
import { serverTranslator } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator())("shell.board") };
}

export default async function BoardPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { viewer } = await requireWorkspaceViewer((await params).tenant);
  const manager = viewer.role !== "rep";
  return <BoardView canManage={manager && !viewer.readOnly} canDelete={manager && !viewer.readOnly} readOnly={viewer.readOnly} />;
}
