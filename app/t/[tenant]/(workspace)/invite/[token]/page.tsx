import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AcceptInvitationForm } from "@/components/invitations/accept-invitation-form";
import { InvitationProblem } from "@/components/invitations/invitation-problem";
import { withTenant } from "@/server/db";
import { serverTranslator } from "@/server/i18n";
import { findInvitationByToken } from "@/server/services/invitations/find-invitation";
import { findTenantBySlug } from "@/server/services/tenants/find-tenant";

export async function generateMetadata({ params }: { params: Promise<{ tenant: string }> }): Promise<Metadata> {
  const t = await serverTranslator();
  const tenant = await findTenantBySlug((await params).tenant);
  return { title: t("settings.invite.title", { workspace: tenant?.name ?? "" }), robots: { index: false } };
}

/**
 * Public: reached from an invitation link on the tenant's own host, no session needed. The
 * workspace layout has already refused unknown and suspended tenants. The token is looked up
 * tenant-bound, so another tenant's token reads as invalid here.
 */
export default async function InvitePage({ params }: { params: Promise<{ tenant: string; token: string }> }) {
  const { tenant: slug, token } = await params;
  const tenant = await findTenantBySlug(slug);
  if (!tenant) notFound();
  const invitation = await withTenant(tenant.id, (db) => findInvitationByToken(db, token));

  if (!invitation) return <InvitationProblem kind="invalid" workspaceName={tenant.name} />;
  if (invitation.status !== "open") return <InvitationProblem kind={invitation.status} workspaceName={tenant.name} />;
  if (invitation.alreadyMember) return <InvitationProblem kind="already_member" workspaceName={tenant.name} email={invitation.email} />;
  return (
    <AcceptInvitationForm
      token={token}
      workspaceName={tenant.name}
      email={invitation.email}
      name={invitation.name}
      role={invitation.role}
      expiresAt={invitation.expiresAt}
      accountExists={invitation.accountExists}
    />
  );
}
