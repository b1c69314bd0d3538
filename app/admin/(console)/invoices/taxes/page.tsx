import type { Metadata } from "next";
import { TaxRatesView } from "@/components/console/invoices/tax-rates-view";
import { requireSuperAdmin } from "@/server/auth/super-admin";
import { serverTranslator } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await serverTranslator();
  return { title: t("invoices.taxes.title") };
}

export default async function TaxRatesPage() {
  await requireSuperAdmin();
  return <TaxRatesView />;
}
