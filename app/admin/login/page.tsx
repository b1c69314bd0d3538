import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { superAdmin } from "@/server/auth/super-admin";

export const metadata: Metadata = { title: "Console" };

export default async function AdminLoginPage() {
  if (await superAdmin()) redirect("/");
  return <LoginForm kind="admin" workspaceName="Linha" />;
}
