import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { currentSession } from "@/server/auth/session";

export const metadata: Metadata = { title: "Console" };

export default async function AdminLoginPage() {
  if ((await currentSession())?.user.scope === "admin") redirect("/");
  return <LoginForm kind="admin" workspaceName="Linha" />;
}
