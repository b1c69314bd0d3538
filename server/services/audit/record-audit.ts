import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { redactSecrets } from "./redact";

export type AuditActor = {
  kind: "super_admin" | "member" | "support" | "api_key" | "system";
  userId: string | null;
  email: string | null;
  ip: string | null;
};

export type AuditEntry = {
  /** "<object>.<verb>", e.g. "tenant.suspend", "did.import". */
  action: string;
  objectType: string;
  objectId?: string | null;
  /** The tenant the object belongs to; omitted = the transaction's tenant (null in the console). */
  tenantId?: string | null;
  before?: unknown;
  after?: unknown;
};

const json = (value: unknown) => (value === undefined ? undefined : (redactSecrets(value) as Prisma.InputJsonValue));

/** Appends one entry, in the caller's transaction: the change and its record commit together. */
export async function recordAudit(db: TenantDb, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      ...(entry.tenantId !== undefined ? { tenantId: entry.tenantId } : {}),
      actorKind: actor.kind,
      actorUserId: actor.userId,
      actorEmail: actor.email,
      ip: actor.ip,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId ?? null,
      before: json(entry.before),
      after: json(entry.after),
    },
  });
}
