import type { z } from "zod";
import { settingsMessage, type MemberOutput, type MemberRemoveInput, type MemberRoleChangeInput } from "@/lib/schemas/settings";
import type { MemberRole } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import type { AuditEntry } from "@/server/services/audit/record-audit";

type Audit = (entry: Omit<AuditEntry, "tenantId">) => Promise<void>;
/** Who is acting: their role decides what they may do to owners. */
export type MembersActor = { role: MemberRole; membershipId: string | null };

const memberNotFound = () => new AppError("NOT_FOUND", settingsMessage("member_not_found"));

export async function listMembers(db: TenantDb, actor: MembersActor): Promise<MemberOutput[]> {
  const [rows, leadCounts] = await Promise.all([
    db.membership.findMany({
      select: { id: true, userId: true, role: true, createdAt: true, user: { select: { name: true, email: true } } },
      orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
    }),
    db.lead.groupBy({ by: ["ownerId"], where: { ownerId: { not: null } }, _count: { _all: true } }),
  ]);
  const leads = new Map(leadCounts.map((row) => [row.ownerId, row._count._all]));
  return rows.map((m) => ({
    id: m.id,
    userId: m.userId,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    createdAt: m.createdAt,
    leadCount: leads.get(m.id) ?? 0,
    isSelf: m.id === actor.membershipId,
  }));
}

/**
 * Serializes owner changes in a tenant: two admins demoting the last two owners at the same time
 * must not both see "another owner remains". Locks the tenant row for the transaction.
 */
async function lockTenant(db: TenantDb, tenantId: string): Promise<void> {
  await db.$queryRaw`SELECT 1 FROM "Tenant" WHERE id = ${tenantId}::uuid FOR UPDATE`;
}

/**
 * The actor's role as of the lock: the role tenantProcedure read may have changed while this
 * request waited (an owner demoted a moment ago must not still act as one).
 */
async function lockedActor(db: TenantDb, tenantId: string, actor: MembersActor): Promise<MembersActor> {
  await lockTenant(db, tenantId);
  if (!actor.membershipId) return actor;
  const me = await db.membership.findUnique({ where: { id: actor.membershipId }, select: { role: true } });
  if (!me || (me.role !== "owner" && me.role !== "admin")) throw new AppError("FORBIDDEN", "errors.forbidden");
  return { ...actor, role: me.role };
}

async function findMember(db: TenantDb, id: string) {
  const member = await db.membership.findUnique({ where: { id }, select: { id: true, role: true, user: { select: { email: true } } } });
  if (!member) throw memberNotFound();
  return member;
}

/** Only an owner may make someone an owner, or change or remove an owner. */
function assertMayTouchOwner(actor: MembersActor, ...roles: MemberRole[]): void {
  if (roles.includes("owner") && actor.role !== "owner") throw new AppError("FORBIDDEN", settingsMessage("owner_only"));
}

/**
 * A tenant that has an owner always keeps one: the last owner can be neither demoted nor removed.
 * A tenant without owners (made before owners existed, or whose owner invitation is still open)
 * keeps its last admin the same way, so someone can always manage it. `newRole` is undefined for
 * a removal.
 */
async function assertKeepsAManager(db: TenantDb, member: { role: MemberRole }, newRole?: MemberRole): Promise<void> {
  if (member.role === "owner") {
    const owners = await db.membership.count({ where: { role: "owner" } });
    if (owners <= 1) throw new AppError("CONFLICT", settingsMessage("last_owner"));
    return;
  }
  if (member.role !== "admin" || newRole === "owner") return;
  const [owners, admins] = await Promise.all([
    db.membership.count({ where: { role: "owner" } }),
    db.membership.count({ where: { role: "admin" } }),
  ]);
  if (owners === 0 && admins <= 1) throw new AppError("CONFLICT", settingsMessage("last_admin"));
}

export async function changeMemberRole(
  db: TenantDb,
  tenantId: string,
  actor: MembersActor,
  input: z.output<typeof MemberRoleChangeInput>,
  audit: Audit,
): Promise<MemberOutput> {
  actor = await lockedActor(db, tenantId, actor);
  const member = await findMember(db, input.id);
  if (member.role !== input.role) {
    assertMayTouchOwner(actor, member.role, input.role);
    await assertKeepsAManager(db, member, input.role);
    await db.membership.update({ where: { id: member.id }, data: { role: input.role } });
    await audit({
      action: "member.role_change",
      objectType: "membership",
      objectId: member.id,
      before: { email: member.user.email, role: member.role },
      after: { email: member.user.email, role: input.role },
    });
  }
  const updated = (await listMembers(db, actor)).find((m) => m.id === member.id);
  if (!updated) throw memberNotFound();
  return updated;
}

/**
 * Removes a membership (the global user stays: it may belong to other tenants). The member's
 * leads, opportunities and tasks go to `reassignLeadsTo` or become unassigned, and their
 * extensions become unassigned, because all point at the membership with ON DELETE RESTRICT.
 */
export async function removeMember(
  db: TenantDb,
  tenantId: string,
  actor: MembersActor,
  input: z.output<typeof MemberRemoveInput>,
  audit: Audit,
): Promise<{ id: string }> {
  actor = await lockedActor(db, tenantId, actor);
  const member = await findMember(db, input.id);
  assertMayTouchOwner(actor, member.role);
  await assertKeepsAManager(db, member);
  if (input.reassignLeadsTo) {
    const heir = input.reassignLeadsTo === member.id ? null : await db.membership.findUnique({ where: { id: input.reassignLeadsTo } });
    if (!heir) {
      const message = settingsMessage("heir_not_member");
      throw new AppError("INVALID_INPUT", message, { fieldErrors: { reassignLeadsTo: [message] } });
    }
  }
  const { count: leadsMoved } = await db.lead.updateMany({ where: { ownerId: member.id }, data: { ownerId: input.reassignLeadsTo } });
  const { count: opportunitiesMoved } = await db.opportunity.updateMany({
    where: { ownerId: member.id },
    data: { ownerId: input.reassignLeadsTo },
  });
  const { count: tasksMoved } = await db.task.updateMany({ where: { assigneeId: member.id }, data: { assigneeId: input.reassignLeadsTo } });
  const { count: extensionsUnassigned } = await db.extension.updateMany({
    where: { membershipId: member.id },
    data: { membershipId: null },
  });
  await db.membership.delete({ where: { id: member.id } });
  await audit({
    action: "member.remove",
    objectType: "membership",
    objectId: member.id,
    before: { email: member.user.email, role: member.role },
    after: { leadsReassignedTo: input.reassignLeadsTo, leadsMoved, opportunitiesMoved, tasksMoved, extensionsUnassigned },
  });
  return { id: member.id };
}
