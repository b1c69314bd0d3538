import type { z } from "zod";
import type { TenantCreateInput, TenantCreateOutput } from "@/lib/schemas/tenant";
import { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { createInvitation } from "@/server/services/invitations/create-invitation";
import type { ConsoleDeps } from "./console-deps";
import { invitationLink } from "@/server/services/invitations/invitation-link";
import { assertPbxNodeExists, assertPlanOffered } from "./tenant-references";
import { tenantSnapshotSelect } from "./tenant-snapshot";

type CreateData = z.output<typeof TenantCreateInput>;

const slugTaken = () => new AppError("CONFLICT", "console.errors.slug_taken", { fieldErrors: { slug: ["console.errors.slug_taken"] } });

/**
 * Creates the tenant and its owner's invitation in the caller's (console) transaction: either both
 * exist afterwards or neither does. No e-mail is sent yet, so the link is returned to the operator.
 */
export async function createTenant(db: TenantDb, data: CreateData, deps: ConsoleDeps): Promise<TenantCreateOutput> {
  if (await db.tenant.findUnique({ where: { slug: data.slug }, select: { id: true } })) throw slugTaken();
  await assertPlanOffered(db, data.planId);
  await assertPbxNodeExists(db, data.pbxNodeId);

  const { ownerName, ownerEmail, ...fields } = data;
  let tenant;
  try {
    tenant = await db.tenant.create({ data: fields, select: tenantSnapshotSelect });
  } catch (error) {
    // Two operators picking the same slug at once: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw slugTaken();
    throw error;
  }
  const invitation = await createInvitation(db, {
    tenantId: tenant.id,
    email: ownerEmail,
    name: ownerName,
    role: "owner",
    invitedByUserId: deps.adminUserId,
  });
  await deps.audit({
    action: "tenant.create",
    objectType: "tenant",
    objectId: tenant.id,
    tenantId: tenant.id,
    after: { ...tenant, ownerInvitation: { email: invitation.email, name: ownerName, expiresAt: invitation.expiresAt } },
  });
  return {
    tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
    invitation: {
      email: invitation.email,
      url: invitationLink(deps.origin, tenant.slug, invitation.token),
      expiresAt: invitation.expiresAt,
    },
  };
}
