"use client";

import Link from "next/link";
import { AuthScreen } from "@/components/auth/auth-screen";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/components/providers/i18n-provider";

export type InvitationProblemKind = "invalid" | "expired" | "revoked" | "used" | "already_member";

const KEYS = {
  invalid: ["settings.invite.problem.invalidTitle", "settings.invite.problem.invalidBody"],
  expired: ["settings.invite.problem.expiredTitle", "settings.invite.problem.expiredBody"],
  revoked: ["settings.invite.problem.revokedTitle", "settings.invite.problem.revokedBody"],
  used: ["settings.invite.problem.usedTitle", "settings.invite.problem.usedBody"],
  already_member: ["settings.invite.problem.alreadyMemberTitle", "settings.invite.problem.alreadyMemberBody"],
} as const;

/** Why an invitation link can't be used, in words the invitee can act on. */
export function InvitationProblem({ kind, workspaceName, email }: { kind: InvitationProblemKind; workspaceName: string; email?: string }) {
  const { t } = useI18n();
  const [title, body] = KEYS[kind];
  const params = { workspace: workspaceName, email: email ?? "" };
  return (
    <AuthScreen title={t(title, params)} description={t(body, params)}>
      <div data-testid={`invitation-problem-${kind}`}>
        {/* Someone whose invitation already worked signs in; the others may have an account too. */}
        <Button asChild className="w-full" variant={kind === "used" || kind === "already_member" ? "default" : "outline"}>
          <Link href="/login">{t("settings.invite.problem.signIn")}</Link>
        </Button>
      </div>
    </AuthScreen>
  );
}
