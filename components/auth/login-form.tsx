"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { AlertCircleIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { AuthScreen } from "./auth-screen";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/components/providers/i18n-provider";
import type { MessageKey } from "@/lib/i18n";
import { SignInInput, type SignInResult } from "@/lib/schemas/auth";

const FAILURE_KEYS: Record<string, MessageKey> = {
  invalid_credentials: "auth.invalidCredentials",
  locked: "auth.locked",
  no_access: "auth.noAccess",
  not_admin: "auth.notAdmin",
  workspace_unavailable: "auth.workspaceUnavailable",
};

export function LoginForm({ kind, workspaceName }: { kind: "tenant" | "admin"; workspaceName: string }) {
  const { t, tm } = useI18n();
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<SignInInput>({ resolver: zodResolver(SignInInput), defaultValues: { email: "", password: "" } });

  async function onSubmit(values: SignInInput) {
    setFailure(null);
    const result: SignInResult = await fetch("/api/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(values),
    })
      .then((res) => res.json())
      .catch(() => ({ ok: false, error: "network" }));
    if (result.ok) {
      router.replace(kind === "admin" ? "/" : "/leads");
      router.refresh();
      return;
    }
    const key = FAILURE_KEYS[result.error];
    setFailure(key ? t(key, result.params) : t("common.unexpectedError"));
    form.resetField("password");
    form.setFocus("password");
  }

  const title = kind === "admin" ? t("auth.adminSignInTitle") : t("auth.signInTitle", { workspace: workspaceName });
  return (
    <AuthScreen title={title} description={t("auth.signInSubtitle")}>
      <Form {...form}>
        <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate>
          {failure && (
            <div
              role="alert"
              data-testid="login-error"
              className="flex items-start gap-2 rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm text-destructive"
            >
              <AlertCircleIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
              <span>{failure}</span>
            </div>
          )}
          <FormField
            control={form.control}
            name="email"
            render={({ field }) => (
              <FormItem>
                <FormLabel>{t("auth.email")}</FormLabel>
                <FormControl>
                  <Input type="email" autoComplete="username" autoFocus {...field} />
                </FormControl>
                <FormMessage>{tm(form.formState.errors.email?.message)}</FormMessage>
              </FormItem>
            )}
          />
          <FormField
            control={form.control}
            name="password"
            render={({ field }) => (
              <FormItem>
                <FormLabel>{t("auth.password")}</FormLabel>
                <FormControl>
                  <Input type="password" autoComplete="current-password" {...field} />
                </FormControl>
                <FormMessage>{tm(form.formState.errors.password?.message)}</FormMessage>
              </FormItem>
            )}
          />
          <Button type="submit" className="w-full" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? t("auth.signingIn") : t("auth.signIn")}
          </Button>
        </form>
      </Form>
    </AuthScreen>
  );
}
