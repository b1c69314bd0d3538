import type { Metadata } from "next";
import { inventoryTab } from "@/components/console/inventory/inventory-tabs";
import { InventoryView } from "@/components/console/inventory/inventory-view";
import { requireSuperAdmin } from "@/server/auth/super-admin";
import { serverTranslator } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await serverTranslator();
  return { title: t("inventory.title") };
}

export default async function InventoryPage({ searchParams }: { searchParams: Promise<{ tab?: string | string[] }> }) {
  await requireSuperAdmin();
  return <InventoryView initialTab={inventoryTab((await searchParams).tab)} />;
}
