import type { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { getDictionary, translateMessage } from "@/lib/i18n";
import type { MemberRole } from "@/prisma/generated/client";
import { makeWorkspace, memberCaller, type Caller } from "@/server/routers/settings/settings-fixtures";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery } from "@/server/testing/owner-db";

// Test arrangement only (imported by *.int.test.ts): each test file gets throw-away tenants with
// their own members, so parallel files never see each other's pipelines or opportunities.

export type CrmWorkspace = {
  tenant: { id: string; slug: string; host: string };
  owner: Caller;
  manager: Caller;
  managerId: string;
  repA: Caller;
  repAId: string;
  repB: Caller;
  repBId: string;
  support: () => Promise<Caller>;
};

export async function makeCrmWorkspace(): Promise<CrmWorkspace> {
  const { tenant, owner } = await makeWorkspace();
  const member = (role: MemberRole, name: string) => memberCaller(tenant, role, name);
  const [manager, repA, repB] = await Promise.all([
    member("manager", "Marta Gerente"),
    member("rep", "Rui Vendedor"),
    member("rep", "Bia Vendedora"),
  ]);
  return {
    tenant,
    owner: owner.caller,
    manager: manager.caller,
    managerId: manager.membershipId,
    repA: repA.caller,
    repAId: repA.membershipId,
    repB: repB.caller,
    repBId: repB.membershipId,
    support: () => callerFor("root@linha.local", tenant.host, `support:${tenant.slug}`),
  };
}

export async function insertLead(
  tenantId: string,
  fields: { name: string; company?: string | null; ownerId?: string | null },
): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Lead" (id, "tenantId", name, company, "ownerId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, now()) RETURNING id`,
    [tenantId, fields.name, fields.company ?? null, fields.ownerId ?? null],
  );
  return row!.id;
}

export async function insertTask(
  tenantId: string,
  fields: { title: string; dueAt: Date; opportunityId?: string; leadId?: string; completed?: boolean; type?: string },
): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Task" (id, "tenantId", title, type, "dueAt", "opportunityId", "leadId", "completedAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3::"TaskType", $4, $5, $6, $7, now()) RETURNING id`,
    [
      tenantId,
      fields.title,
      fields.type ?? "call",
      fields.dueAt,
      fields.opportunityId ?? null,
      fields.leadId ?? null,
      fields.completed ? new Date() : null,
    ],
  );
  return row!.id;
}

export async function activitiesOf(
  opportunityId: string,
): Promise<{ kind: string; leadId: string | null; data: Record<string, unknown> | null; actorName: string | null }[]> {
  return ownerQuery(`SELECT kind, "leadId", data, "actorName" FROM "Activity" WHERE "opportunityId" = $1 ORDER BY "createdAt", id`, [
    opportunityId,
  ]);
}

export async function opportunityRow(
  id: string,
): Promise<{ stageId: string; status: string; stageEnteredAt: Date; value: string; closeReason: string | null } | undefined> {
  const [row] = await ownerQuery(
    `SELECT "stageId", status, "stageEnteredAt", value::text AS value, "closeReason" FROM "Opportunity" WHERE id = $1`,
    [id],
  );
  return row as never;
}

/** What a user reading English sees for a domain error (the HTTP error formatter translates the same way). */
export function english(error: TRPCError): string {
  return translateMessage(getDictionary("en"), error.message);
}

/** The message keys of a refused input (a zod failure). */
export function zodMessages(error: TRPCError): string[] {
  return error.cause instanceof ZodError ? error.cause.issues.map((issue) => issue.message) : [];
}
