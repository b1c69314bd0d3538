import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { memberCaller, makeWorkspace } from "@/server/routers/settings/settings-fixtures";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery } from "@/server/testing/owner-db";

// Test arrangement for the activities and tasks routers: a throw-away tenant with a manager and
// two reps, and leads/opportunities written as the tables' owner. Nothing touches acme/globex.

export type Caller = Awaited<ReturnType<typeof callerFor>>;

export async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

export async function crmWorkspace() {
  const { tenant, owner } = await makeWorkspace();
  const manager = await memberCaller(tenant, "manager", "Marta Gerente");
  const rep = await memberCaller(tenant, "rep", "Rui Vendedor");
  const otherRep = await memberCaller(tenant, "rep", "Bia Vendedora");
  return { tenant, owner, manager, rep, otherRep };
}

export async function insertLead(tenantId: string, ownerId: string | null, name = `Lead ${randomUUID().slice(0, 6)}`): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Lead" (id, "tenantId", name, "ownerId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now()) RETURNING id`,
    [tenantId, name, ownerId],
  );
  return row!.id;
}

/** An opportunity on the lead, in the first stage of a pipeline made for it. */
export async function insertOpportunity(
  tenantId: string,
  leadId: string | null,
  ownerId: string | null,
  title = "Plano anual",
): Promise<string> {
  const [pipeline] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Pipeline" (id, "tenantId", name, "updatedAt") VALUES (gen_random_uuid(), $1, $2, now()) RETURNING id`,
    [tenantId, `Funil ${randomUUID().slice(0, 8)}`],
  );
  const [stage] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Stage" (id, "tenantId", "pipelineId", name, position, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'Proposta', 0, now()) RETURNING id`,
    [tenantId, pipeline!.id],
  );
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Opportunity" (id, "tenantId", title, "leadId", "pipelineId", "stageId", "ownerId", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, now()) RETURNING id`,
    [tenantId, title, leadId, pipeline!.id, stage!.id, ownerId],
  );
  return row!.id;
}

export async function insertActivity(
  tenantId: string,
  fields: { leadId?: string | null; opportunityId?: string | null; kind?: string; body?: string; occurredAt: Date; id?: string },
): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Activity" (id, "tenantId", kind, "leadId", "opportunityId", body, "occurredAt")
     VALUES (COALESCE($1::uuid, gen_random_uuid()), $2, $3::"ActivityKind", $4, $5, $6, $7) RETURNING id`,
    [
      fields.id ?? null,
      tenantId,
      fields.kind ?? "note",
      fields.leadId ?? null,
      fields.opportunityId ?? null,
      fields.body ?? "x",
      fields.occurredAt,
    ],
  );
  return row!.id;
}

export async function activitiesOf(leadId: string): Promise<{ kind: string; body: string | null; data: Record<string, unknown> | null }[]> {
  return ownerQuery(`SELECT kind, body, data FROM "Activity" WHERE "leadId" = $1 ORDER BY "occurredAt" DESC, id DESC`, [leadId]);
}

/** A read-only support session of the super admin on the tenant's host. */
export function supportCaller(tenant: { slug: string; host: string }) {
  return callerFor("root@linha.local", tenant.host, `support:${tenant.slug}`);
}
