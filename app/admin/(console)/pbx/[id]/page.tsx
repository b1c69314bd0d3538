import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PbxNodeView } from "@/components/console/pbx/pbx-node-view";
import { requireSuperAdmin } from "@/server/auth/super-admin";
import { serverTranslator } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await serverTranslator();
  return { title: t("routes.pbx.title") };
}

export default async function PbxNodePage({ params }: { params: Promise<{ id: string }> }) {
  await requireSuperAdmin();
  const { id } = await params;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) notFound();
  return <PbxNodeView nodeId={id} />;
}
