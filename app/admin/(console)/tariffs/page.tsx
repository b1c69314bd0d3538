import type { Metadata } from "next";
import { TariffsView } from "@/components/console/tariffs/tariffs-view";
import { requireSuperAdmin } from "@/server/auth/super-admin";
import { serverTranslator } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await serverTranslator();
  return { title: t("tariffs.title") };
}

export default async function TariffsPage() {
  await requireSuperAdmin();
  return <TariffsView />;
}
