import type { Metadata } from "next";
import { TariffSimulator } from "@/components/console/tariffs/tariff-simulator";
import { requireSuperAdmin } from "@/server/auth/super-admin";
import { serverTranslator } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await serverTranslator();
  return { title: t("tariffs.simulator.title") };
}

export default async function TariffSimulatorPage() {
  await requireSuperAdmin();
  return <TariffSimulator />;
}
