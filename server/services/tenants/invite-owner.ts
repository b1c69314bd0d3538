import type { InvitationLink } from "@/lib/schemas/tenant";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { createInvitation } from "@/server/services/invitations/create-invitation";
import type { ConsoleDeps } from "./console-deps";
import { invitationLink } from "@/server/services/invitations/invitation-link";
import { tenantSnapshot } from "./tenant-snapshot";

/**
 * A new owner invitation link (the previous link stops working). Any other open owner invitation
 * is revoked too, so a typo in the first owner e-mail can be fixed without leaving a live link to
 * the wrong address.
 */
export async function inviteOwner(
  db: TenantDb,
  input: { id: string; name: string; email: string },
  deps: ConsoleDeps,
  now = new Date(),
): Promise<InvitationLink> {
  const tenant = await tenantSnapshot(db, input.id);
  if (tenant.status === "archived") throw new AppError("CONFLICT", "console.errors.tenant_archived");
  const { count: revoked } = await db.invitation.updateMany({
    where: { tenantId: tenant.id, role: "owner", acceptedAt: null, revokedAt: null, email: { not: input.email } },
    data: { revokedAt: now },
  });
  const invitation = await createInvitation(
    db,
    { tenantId: tenant.id, email: input.email, name: input.name, role: "owner", invitedByUserId: deps.adminUserId },
    now,
  );
  await deps.audit({
    action: "invitation.create",
    objectType: "invitation",
    objectId: invitation.id,
    tenantId: tenant.id,
    after: {
      email: invitation.email,
      name: input.name,
      role: "owner",
      expiresAt: invitation.expiresAt,
      revokedOtherOwnerInvitations: revoked,
    },
  });
  return { email: invitation.email, url: invitationLink(deps.origin, tenant.slug, invitation.token), expiresAt: invitation.expiresAt };
}
