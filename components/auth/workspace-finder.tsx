"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { AuthScreen } from "./auth-screen";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useI18n } from "@/components/providers/i18n-provider";
import { hostUrl, isValidSlug } from "@/lib/host";

export function WorkspaceFinder({ rootDomain, adminLoginUrl }: { rootDomain: string; adminLoginUrl: string }) {
  const { t } = useI18n();
  const [slug, setSlug] = useState("");
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const value = slug.trim().toLowerCase();
    if (!isValidSlug(value)) {
      setError(t("auth.workspaceInvalid"));
      return;
    }
    window.location.assign(hostUrl(window.location.origin, rootDomain, value, "/login"));
  }

  return (
    <AuthScreen title={t("auth.findWorkspaceTitle")} description={t("auth.findWorkspaceSubtitle")}>
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <div className="space-y-2">
          <Label htmlFor="workspace">{t("auth.workspace")}</Label>
          <div className="flex items-center rounded-md border border-input focus-within:ring-[3px] focus-within:ring-ring/50">
            <Input
              id="workspace"
              value={slug}
              onChange={(e) => {
                setSlug(e.target.value);
                setError(null);
              }}
              placeholder="acme"
              autoFocus
              autoCapitalize="none"
              spellCheck={false}
              aria-invalid={Boolean(error)}
              aria-describedby={error ? "workspace-error" : undefined}
              className="border-0 shadow-none focus-visible:ring-0"
            />
            <span className="pr-3 text-sm text-muted-foreground">.{rootDomain}</span>
          </div>
          {error && (
            <p id="workspace-error" className="text-sm text-destructive">
              {error}
            </p>
          )}
        </div>
        <Button type="submit" className="w-full">
          {t("auth.continue")}
        </Button>
      </form>
      <p className="mt-4 text-center text-sm text-muted-foreground">
        <a className="underline-offset-4 hover:underline" href={adminLoginUrl}>
          {t("auth.operatorLink")}
        </a>
      </p>
    </AuthScreen>
  );
}
