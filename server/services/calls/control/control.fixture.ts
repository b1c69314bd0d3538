import { randomUUID } from "node:crypto";
import type { Session } from "next-auth";
import type { AmiServerAction, AmiTestServer } from "@/asterisk/testing/ami-server";
import { parseHost } from "@/lib/host";
import { assignPbxNode } from "@/server/services/extensions/telephony.fixture";
import { insertMember, insertPlan, insertTenant, type PlanTerms } from "@/server/services/plans/throwaway-tenant.fixture";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery } from "@/server/testing/owner-db";
import type { ActionRequest } from "./request-actor";

// Test arrangement only (the control and conference *.int.test.ts): tenants of their own with a PBX
// node pointing at a test AMI server, members with extensions, leads and live calls, written as
// the tables' owner so parallel test files never see each other's state.

export const AMI_SECRET = "control-secret";

export type ControlMember = {
  email: string;
  userId: string;
  membershipId: string;
  extension: string;
  caller: Awaited<ReturnType<typeof callerFor>>;
  /** What the placeCall server action resolves from the session cookie and the Host. */
  request: ActionRequest;
};

export type ControlTenant = Awaited<ReturnType<typeof controlTenant>>;

export async function insertExtension(
  tenantId: string,
  number: string,
  options: { membershipId?: string | null; registered?: boolean; enabled?: boolean; name?: string } = {},
): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Extension" (id, "tenantId", number, name, "membershipId", "secretEnc", registered, enabled, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, 'x', $5, $6, now()) RETURNING id`,
    [
      tenantId,
      number,
      options.name ?? `Ramal ${number}`,
      options.membershipId ?? null,
      options.registered ?? true,
      options.enabled ?? true,
    ],
  );
  return row!.id;
}

export function actionRequest(email: string, userId: string, slug: string, name = email): ActionRequest {
  const session: Session = {
    user: { id: userId, email, name, scope: `tenant:${slug}`, locale: "en" },
    expires: new Date(Date.now() + 3600_000).toISOString(),
  };
  return { target: parseHost(`${slug}.localhost:3000`, "localhost"), session, ip: "127.0.0.1" };
}

/**
 * A tenant on its own plan with an admin (ext 1001), a manager (1002) and two reps (1003, 1004),
 * every extension registered, and a PBX node at `ami` (null: no node at all).
 */
export async function controlTenant(ami: { host: string; port: number } | null, terms: PlanTerms = {}) {
  const plan = await insertPlan({ maxConcurrentCalls: 5, ...terms });
  const tenant = await insertTenant(plan.id);
  const host = `${tenant.slug}.localhost:3000`;
  const nodeId = ami ? await assignPbxNode(tenant.id, { ...ami, secret: AMI_SECRET }) : null;
  const member = async (role: "admin" | "manager" | "rep", extension: string): Promise<ControlMember> => {
    const m = await insertMember(tenant.id, role);
    await insertExtension(tenant.id, extension, { membershipId: m.membershipId });
    return {
      ...m,
      extension,
      caller: await callerFor(m.email, host),
      request: actionRequest(m.email, m.userId, tenant.slug, `User ${m.email}`),
    };
  };
  return {
    ...tenant,
    planId: plan.id,
    host,
    nodeId,
    admin: await member("admin", "1001"),
    manager: await member("manager", "1002"),
    rep: await member("rep", "1003"),
    rep2: await member("rep", "1004"),
    support: await callerFor("root@linha.local", host, `support:${tenant.slug}`),
  };
}

export async function insertLead(
  tenantId: string,
  fields: { name?: string; phone?: string | null; ownerId?: string | null } = {},
): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Lead" (id, "tenantId", name, phone, "ownerId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, now()) RETURNING id`,
    [tenantId, fields.name ?? "Lead Teste", fields.phone === undefined ? "+5511987654321" : fields.phone, fields.ownerId ?? null],
  );
  return row!.id;
}

/** A call the ingest would have written: answered, bound to its linkedid, on the member's extension. */
export async function insertLiveCall(
  tenant: { id: string; nodeId: string | null },
  member: { userId: string; extension: string },
  state: "ringing" | "answered" | "ended" = "answered",
): Promise<{ id: string; linkedId: string }> {
  const linkedId = `${Math.floor(Date.now() / 1000)}.${Math.floor(Math.random() * 1e9)}`;
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Call" (id, "tenantId", "pbxNodeId", "linkedId", direction, state, "fromNumber", "toNumber", "extensionNumber", "userId", "userName",
       "answeredAt", "endedAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, 'outbound', $4::"CallState", $5, '+5511987654321', $5, $6, 'Rep',
       CASE WHEN $4::text = 'ringing' THEN NULL ELSE now() END, CASE WHEN $4::text = 'ended' THEN now() ELSE NULL END, now()) RETURNING id`,
    [tenant.id, tenant.nodeId, linkedId, state, member.extension, member.userId],
  );
  return { id: row!.id, linkedId };
}

/** CoreShowChannel items of a click-to-call in conversation: the rep's leg (with Tenantid) and the carrier leg (without). */
export function callChannels(slug: string, extension: string, linkedId: string, seq: number) {
  const hex = (n: number) => n.toString(16).padStart(8, "0");
  const agent = `PJSIP/${slug}_${extension}-${hex(seq)}`;
  const peer = `PJSIP/gw_carrier-${hex(seq + 1)}`;
  const item = (channel: string, tenantSlug: string | null, uniqueid: string): Array<[string, string]> => [
    ["Event", "CoreShowChannel"],
    ["Channel", channel],
    ["ChannelState", "6"],
    ["ChannelStateDesc", "Up"],
    ["Uniqueid", uniqueid],
    ["Linkedid", linkedId],
    ...(tenantSlug ? ([["Tenantid", tenantSlug]] as Array<[string, string]>) : []),
    ["Application", tenantSlug ? "Dial" : "AppDial"],
  ];
  return { agent, peer, items: [item(peer, null, `${linkedId}1`), item(agent, slug, linkedId)] };
}

/** Actions of a name the server received since `from` (an index into server.actions). */
export function actionsSince(server: AmiTestServer, from: number, name?: string): AmiServerAction[] {
  return server.actions.slice(from).filter((a) => !name || a.action.toLowerCase() === name.toLowerCase());
}

/** The non-ActionID headers of an action, as [name, value] in the order received (names lower-cased). */
export function headersOf(action: AmiServerAction): Record<string, string | string[]> {
  const { actionid: _ignored, ...rest } = action.fields;
  return rest;
}

export const uuid = () => randomUUID();

/** Ends every live call of the tenant behind the app's back (to stay under the plan's limit between cases). */
export async function endCalls(tenantId: string): Promise<void> {
  await ownerQuery(`UPDATE "Call" SET state = 'ended', "endedAt" = now() WHERE "tenantId" = $1 AND state <> 'ended'`, [tenantId]);
}

export async function callRows(tenantId: string) {
  return ownerQuery<{
    id: string;
    state: string;
    direction: string;
    disposition: string | null;
    originateActionId: string | null;
    fromNumber: string | null;
    toNumber: string | null;
    extensionNumber: string | null;
    userId: string | null;
    userName: string | null;
    leadId: string | null;
    pbxNodeId: string | null;
    linkedId: string | null;
  }>(
    `SELECT id, state, direction, disposition, "originateActionId", "fromNumber", "toNumber", "extensionNumber", "userId", "userName", "leadId", "pbxNodeId", "linkedId"
     FROM "Call" WHERE "tenantId" = $1 ORDER BY "createdAt"`,
    [tenantId],
  );
}

/** An opportunity of the lead (in a pipeline of its own), owned by `ownerId`. */
export async function insertOpportunity(tenantId: string, leadId: string | null, ownerId: string | null = null): Promise<string> {
  const [pipeline] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Pipeline" (id, "tenantId", name, "updatedAt") VALUES (gen_random_uuid(), $1, $2, now()) RETURNING id`,
    [tenantId, `Funil ${randomUUID().slice(0, 8)}`],
  );
  const [stage] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Stage" (id, "tenantId", "pipelineId", name, position, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'Novo', 0, now()) RETURNING id`,
    [tenantId, pipeline!.id],
  );
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Opportunity" (id, "tenantId", title, "leadId", "pipelineId", "stageId", "ownerId", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'Oportunidade', $2, $3, $4, $5, now()) RETURNING id`,
    [tenantId, leadId, pipeline!.id, stage!.id, ownerId],
  );
  return row!.id;
}

export async function insertTask(
  tenantId: string,
  fields: { type: "call" | "email" | "todo"; leadId?: string | null; opportunityId?: string | null; assigneeId?: string | null },
): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Task" (id, "tenantId", title, type, "dueAt", "leadId", "opportunityId", "assigneeId", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'Ligar', $2::"TaskType", now(), $3, $4, $5, now()) RETURNING id`,
    [tenantId, fields.type, fields.leadId ?? null, fields.opportunityId ?? null, fields.assigneeId ?? null],
  );
  return row!.id;
}
