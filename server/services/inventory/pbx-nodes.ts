import type { z } from "zod";
import { serverEnv } from "@/lib/env";
import { inventoryError, type PbxNodeFields, type PbxNodeOutput } from "@/lib/schemas/inventory";
import type { PbxNodeStatus, Prisma } from "@/prisma/generated/client";
import { sealSecret } from "@/server/crypto/secret-box";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { requestPbxSync } from "@/server/services/pbx/sync-requests";
import type { RecordAuditFn } from "./inventory-audit";
import { isUniqueViolation } from "./unique-violation";

type PbxNodeData = z.output<typeof PbxNodeFields>;

// amiSecretEnc is read only to say whether one is stored; toPbxNodeOutput drops it.
const pbxNodeSelect = {
  id: true,
  name: true,
  amiHost: true,
  amiPort: true,
  amiUser: true,
  amiSecretEnc: true,
  configDir: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { tenants: true } },
} satisfies Prisma.PbxNodeSelect;

type PbxNodeRow = Prisma.PbxNodeGetPayload<{ select: typeof pbxNodeSelect }>;

function toPbxNodeOutput({ amiSecretEnc, _count, ...row }: PbxNodeRow): PbxNodeOutput {
  return { ...row, hasSecret: amiSecretEnc !== "", tenantCount: _count.tenants };
}

const notFound = () => new AppError("NOT_FOUND", inventoryError("pbx_not_found"));
const nameTaken = () =>
  new AppError("CONFLICT", inventoryError("pbx_name_taken"), { fieldErrors: { name: [inventoryError("pbx_name_taken")] } });

async function assertNameFree(db: TenantDb, name: string, exceptId?: string): Promise<void> {
  const clash = await db.pbxNode.findUnique({ where: { name }, select: { id: true } });
  if (clash && clash.id !== exceptId) throw nameTaken();
}

async function saving<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

const seal = (secret: string) => sealSecret(secret, serverEnv().APP_SECRET);

export async function listPbxNodes(db: TenantDb): Promise<PbxNodeOutput[]> {
  const rows = await db.pbxNode.findMany({ select: pbxNodeSelect, orderBy: { name: "asc" } });
  return rows.map(toPbxNodeOutput);
}

export async function getPbxNode(db: TenantDb, id: string): Promise<PbxNodeOutput> {
  const row = await db.pbxNode.findUnique({ where: { id }, select: pbxNodeSelect });
  if (!row) throw notFound();
  return toPbxNodeOutput(row);
}

export async function createPbxNode(db: TenantDb, data: PbxNodeData, audit: RecordAuditFn): Promise<PbxNodeOutput> {
  const { amiSecret, ...fields } = data;
  if (!amiSecret) {
    throw new AppError("INVALID_INPUT", inventoryError("secret_required"), {
      fieldErrors: { amiSecret: [inventoryError("secret_required")] },
    });
  }
  await assertNameFree(db, fields.name);
  const created = toPbxNodeOutput(
    await saving(() => db.pbxNode.create({ data: { ...fields, amiSecretEnc: seal(amiSecret) }, select: pbxNodeSelect })),
  );
  await audit({ action: "pbx_node.create", objectType: "pbx_node", objectId: created.id, after: created });
  return created;
}

/** An empty secret keeps the stored one. The status is not touched here (see setPbxNodeStatus). */
export async function updatePbxNode(db: TenantDb, id: string, data: PbxNodeData, audit: RecordAuditFn): Promise<PbxNodeOutput> {
  const before = await getPbxNode(db, id);
  const { amiSecret, ...fields } = data;
  await assertNameFree(db, fields.name, id);
  const after = toPbxNodeOutput(
    await saving(() =>
      db.pbxNode.update({
        where: { id },
        data: { ...fields, ...(amiSecret ? { amiSecretEnc: seal(amiSecret) } : {}) },
        select: pbxNodeSelect,
      }),
    ),
  );
  await audit({
    action: "pbx_node.update",
    objectType: "pbx_node",
    objectId: id,
    before,
    after: { ...after, credentialsReplaced: Boolean(amiSecret) },
  });
  // A new host, config dir or secret: write and reload there. (A node just created is not asked
  // for here: the request is recorded outside this uncommitted transaction and could not see the
  // row; its first tenant's assignment and the app's startup sync cover it.)
  await requestPbxSync({ nodeId: id, trigger: "auto", reason: "pbx_node.update" });
  return after;
}

/** The operator's only say in the status: maintenance, or back to unknown until the AMI connector reports. */
export async function setPbxNodeStatus(
  db: TenantDb,
  id: string,
  status: Extract<PbxNodeStatus, "unknown" | "maintenance">,
  audit: RecordAuditFn,
): Promise<PbxNodeOutput> {
  const before = await getPbxNode(db, id);
  const after = toPbxNodeOutput(await db.pbxNode.update({ where: { id }, data: { status }, select: pbxNodeSelect }));
  await audit({
    action: "pbx_node.set_status",
    objectType: "pbx_node",
    objectId: id,
    before: { status: before.status },
    after: { status },
  });
  return after;
}

/** Only a node no tenant is assigned to: deleting it would silently unassign their PBX. */
export async function deletePbxNode(db: TenantDb, id: string, audit: RecordAuditFn): Promise<{ id: string }> {
  const before = await getPbxNode(db, id);
  // The foreign key would set the tenants' node to null, so the count is the guard: the row lock
  // (which assigning a tenant to the node must share) keeps it true until the delete commits.
  await db.$queryRaw`SELECT 1 FROM "PbxNode" WHERE id = ${id}::uuid FOR UPDATE`;
  const tenants = await db.tenant.count({ where: { pbxNodeId: id } });
  if (tenants > 0) throw new AppError("CONFLICT", inventoryError("pbx_in_use", { tenants }), { tenants });
  await db.pbxNode.delete({ where: { id } });
  await audit({ action: "pbx_node.delete", objectType: "pbx_node", objectId: id, before });
  return { id };
}
