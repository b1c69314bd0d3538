import type { Session } from "next-auth";
import type { HostTarget } from "@/lib/host";
import type { SyncPbxInput } from "@/lib/schemas/pbx";
import { platformDb, withAdmin, withTenant } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import { requestPbxSync } from "./sync-requests";

// The forced sync behind the syncPbx server action. A server action has no tRPC context, so it is
// authorised here from the session and the Host exactly as the procedures are: a super admin on the
// console host may sync any node; on a tenant's host, an admin or owner of that tenant (a real
// member, not a read-only support session) may sync the tenant's own node. Reps and managers may not.

export type ForceSyncRequest = { target: HostTarget; session: Session | null; ip: string | null };

async function consoleSync(session: Session, ip: string | null, nodeId: string | undefined): Promise<{ syncId: string }> {
  if (session.user.scope !== "admin") throw new AppError("FORBIDDEN", "errors.forbidden");
  const user = await platformDb().user.findUnique({ where: { id: session.user.id }, select: { isSuperAdmin: true, email: true } });
  if (!user?.isSuperAdmin) throw new AppError("FORBIDDEN", "errors.forbidden");
  if (!nodeId) throw new AppError("INVALID_INPUT", "errors.invalid_input");
  const node = await platformDb().pbxNode.findUnique({ where: { id: nodeId }, select: { id: true, name: true } });
  if (!node) throw new AppError("NOT_FOUND", "errors.not_found");
  const syncId = await queue(node.id, user.email);
  await withAdmin((db) =>
    recordAudit(
      db,
      { kind: "super_admin", userId: session.user.id, email: user.email, ip },
      { action: "pbx_node.sync", objectType: "pbx_node", objectId: node.id, tenantId: null, after: { node: node.name, syncId } },
    ),
  );
  return { syncId };
}

async function tenantSync(session: Session, ip: string | null, slug: string, nodeId: string | undefined): Promise<{ syncId: string }> {
  if (session.user.scope === `support:${slug}`) throw new AppError("FORBIDDEN", "errors.support_read_only");
  if (session.user.scope !== `tenant:${slug}`) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
  const tenant = await platformDb().tenant.findUnique({ where: { slug }, select: { id: true, status: true, pbxNodeId: true } });
  if (!tenant) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
  if (tenant.status !== "active") throw new AppError("FORBIDDEN", "errors.workspace_suspended");
  const membership = await withTenant(tenant.id, (db) =>
    db.membership.findFirst({ where: { userId: session.user.id }, select: { role: true } }),
  );
  if (!membership) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
  if (membership.role !== "admin" && membership.role !== "owner") throw new AppError("FORBIDDEN", "errors.forbidden");
  // Another node than the tenant's own is somebody else's: not found, as for any foreign object.
  if (nodeId && nodeId !== tenant.pbxNodeId) throw new AppError("NOT_FOUND", "errors.not_found");
  if (!tenant.pbxNodeId) throw new AppError("CONFLICT", "pbx.errors.no_node");
  const email = session.user.email ?? session.user.id;
  const syncId = await queue(tenant.pbxNodeId, email);
  await withTenant(tenant.id, (db) =>
    recordAudit(
      db,
      { kind: "member", userId: session.user.id, email: session.user.email ?? null, ip },
      { action: "pbx_node.sync", objectType: "pbx_node", objectId: tenant.pbxNodeId, after: { syncId } },
    ),
  );
  return { syncId };
}

async function queue(nodeId: string, who: string): Promise<string> {
  const { syncId } = await requestPbxSync({ nodeId, trigger: "manual", reason: `forced by ${who}` });
  if (!syncId) throw new AppError("PBX_UNAVAILABLE", "pbx.errors.queue_unavailable");
  return syncId;
}

export async function forcePbxSync(request: ForceSyncRequest, input: SyncPbxInput): Promise<{ syncId: string }> {
  const { target, session, ip } = request;
  if (!session?.user?.id) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
  if (target.kind === "admin") return consoleSync(session, ip, input.nodeId);
  if (target.kind === "tenant") return tenantSync(session, ip, target.slug, input.nodeId);
  throw new AppError("FORBIDDEN", "errors.forbidden");
}
