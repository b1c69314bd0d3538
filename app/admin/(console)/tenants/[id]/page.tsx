import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { z } from "zod";
import { TenantDetailView } from "@/components/console/tenants/tenant-detail-view";
import { requireSuperAdmin } from "@/server/auth/super-admin";

export const metadata: Metadata = { title: "Empresa" };

export default async function TenantPage({ params }: { params: Promise<{ id: string }> }) {
  await requireSuperAdmin();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  return (
    <Suspense>
      <TenantDetailView id={id} />
    </Suspense>
  );
}
