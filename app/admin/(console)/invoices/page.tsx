import type { Metadata } from "next";
import { Suspense } from "react";
import { InvoicesView } from "@/components/console/invoices/invoices-view";
import { requireSuperAdmin } from "@/server/auth/super-admin";
import { serverTranslator } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await serverTranslator();
  return { title: t("invoices.title") };
}

export default async function InvoicesPage() {
  await requireSuperAdmin();
  return (
    <Suspense>
      <InvoicesView />
    </Suspense>
  );
}
