import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { workspaceMember } from "@/server/auth/workspace-member";
import { findTenantBySlug } from "@/server/services/tenants/find-tenant";

export const metadata: Metadata = { title: "Entrar" };

export default async function TenantLoginPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  if (await workspaceMember(slug)) redirect("/leads");
  const tenant = await findTenantBySlug(slug);
  return <LoginForm kind="tenant" workspaceName={tenant?.name ?? slug} />;
}
