import type { Metadata } from "next";
import { TenantsView } from "@/components/console/tenants/tenants-view";
import { requireSuperAdmin } from "@/server/auth/super-admin";

export const metadata: Metadata = { title: "Console" };

export default async function TenantsPage() {
  await requireSuperAdmin();
  return <TenantsView />;
}
