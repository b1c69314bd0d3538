import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { currentSession } from "@/server/auth/session";
import { findTenantBySlug } from "@/server/services/tenants/find-tenant";

export const metadata: Metadata = { title: "Entrar" };

export default async function TenantLoginPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const [tenant, session] = await Promise.all([findTenantBySlug(slug), currentSession()]);
  if (session?.user.scope === `tenant:${slug}`) redirect("/leads");
  return <LoginForm kind="tenant" workspaceName={tenant?.name ?? slug} />;
}
