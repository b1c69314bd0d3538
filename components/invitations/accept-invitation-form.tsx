"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { AlertCircleIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type Path, type Resolver } from "react-hook-form";
import { AuthScreen } from "@/components/auth/auth-screen";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/components/providers/i18n-provider";
import type { MessageKey } from "@/lib/i18n";
import { ExistingAccountFields, NewAccountFields, type InvitationAcceptResult, type MemberRoleName } from "@/lib/schemas/settings";
import { InvitationProblem, type InvitationProblemKind } from "./invitation-problem";

type Values = { name: string; password: string; passwordConfirm: string };
const PROBLEMS: readonly string[] = ["invalid", "expired", "revoked", "used", "already_member"];
const FAILURES: Record<string, MessageKey> = {
  locked: "settings.invite.failure.locked",
  account_exists: "settings.invite.failure.accountExists",
  workspace_unavailable: "settings.invite.failure.workspaceUnavailable",
};

type Props = {
  token: string;
  workspaceName: string;
  email: string;
  name: string | null;
  role: MemberRoleName;
  expiresAt: Date;
  /** Sign in with the existing account's password instead of creating one. */
  accountExists: boolean;
};

export function AcceptInvitationForm({ token, workspaceName, email, name, role, expiresAt, accountExists }: Props) {
  const { t, tm, locale } = useI18n();
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const [problem, setProblem] = useState<InvitationProblemKind | null>(null);
  const form = useForm<Values>({
    // One form, two schemas: an existing account only needs its password (the other fields are ignored).
    resolver: zodResolver(accountExists ? ExistingAccountFields : NewAccountFields) as unknown as Resolver<Values>,
    defaultValues: { name: name ?? "", password: "", passwordConfirm: "" },
  });

  async function onSubmit(values: Values) {
    setFailure(null);
    const body = accountExists ? { token, password: values.password } : { token, ...values };
    const result: InvitationAcceptResult = await fetch("/api/invitations/accept", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    })
      .then((res) => res.json())
      .catch(() => ({ ok: false, error: "network" }));
    if (result.ok) {
      router.replace(result.redirectTo);
      router.refresh();
      return;
    }
    if (PROBLEMS.includes(result.error)) {
      setProblem(result.error as InvitationProblemKind);
      return;
    }
    const fieldErrors = Object.entries(result.fieldErrors ?? {});
    for (const [field, messages] of fieldErrors) form.setError(field as Path<Values>, { message: messages[0] });
    if (fieldErrors.length === 0)
      setFailure(FAILURES[result.error] ? t(FAILURES[result.error]!, result.params) : t("common.unexpectedError"));
    form.resetField("password", { keepError: true });
    form.resetField("passwordConfirm", { keepError: true });
    form.setFocus("password");
  }

  if (problem) return <InvitationProblem kind={problem} workspaceName={workspaceName} email={email} />;

  const roleName = t(`shell.role.${role}`);
  const expires = new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(expiresAt);
  const text = (field: keyof Values, label: string, props: React.ComponentProps<"input">, hint?: string) => (
    <FormField
      control={form.control}
      name={field}
      render={({ field: f, fieldState }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <Input {...props} {...f} />
          </FormControl>
          {hint && !fieldState.error && <FormDescription>{hint}</FormDescription>}
          <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
        </FormItem>
      )}
    />
  );

  return (
    <AuthScreen
      title={t("settings.invite.title", { workspace: workspaceName })}
      description={
        accountExists ? t("settings.invite.subtitleExisting", { role: roleName }) : t("settings.invite.subtitleNew", { role: roleName })
      }
    >
      <Form {...form}>
        <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate data-testid="accept-invitation-form">
          {failure && (
            <div
              role="alert"
              className="flex items-start gap-2 rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm text-destructive"
            >
              <AlertCircleIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
              <span>{failure}</span>
            </div>
          )}
          <div className="grid gap-2">
            <span className="text-sm font-medium" id="invite-email-label">
              {t("settings.invite.email")}
            </span>
            <p className="rounded-md border bg-muted/50 px-3 py-2 text-sm" aria-labelledby="invite-email-label" data-testid="invite-email">
              {email}
            </p>
            {/* Lets password managers file the new password under the right account. */}
            <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
          </div>
          {accountExists ? (
            text("password", t("settings.invite.password"), { type: "password", autoComplete: "current-password", autoFocus: true })
          ) : (
            <>
              {text("name", t("settings.invite.name"), { autoComplete: "name", maxLength: 120, autoFocus: !name })}
              {text(
                "password",
                t("settings.invite.newPassword"),
                { type: "password", autoComplete: "new-password", autoFocus: !!name },
                t("settings.invite.passwordHint"),
              )}
              {text("passwordConfirm", t("settings.invite.passwordConfirm"), { type: "password", autoComplete: "new-password" })}
            </>
          )}
          <Button type="submit" className="w-full" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? t("settings.invite.accepting") : t("settings.invite.accept")}
          </Button>
          <p className="text-center text-xs text-muted-foreground">{t("settings.invite.expiresOn", { date: expires })}</p>
        </form>
      </Form>
    </AuthScreen>
  );
}
