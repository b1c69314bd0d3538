import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { packetHeader, rewriteCapture, type CaptureRewrite } from "@/asterisk/testing/capture-rewrite";
import { CAPTURES_DIR, type AmiReplayOptions, type AmiTestServer } from "@/asterisk/testing/ami-server";
import { insertMember, insertPlan, insertTenant } from "@/server/services/plans/throwaway-tenant.fixture";
import { ownerQuery } from "@/server/testing/owner-db";

// Test arrangement only (the ingest's *.int.test.ts): tenants of their own standing in for the
// captures' lab tenants `acme`/`globex`, on a PBX node of the test's own, with the lab's extensions
// 1001–1003 (each a member) and leads on the numbers the captures dial.

export const LAB_NUMBERS = { lead: "+5511999990000", inboundCaller: "+5511988887777", globexLead: "+5521988880000" } as const;

export type IngestTestTenant = {
  id: string;
  slug: string;
  /** extension number → its member */
  members: Record<string, { userId: string; userName: string }>;
  /** E.164 → lead id */
  leads: Record<string, string>;
};

export async function ingestTenant(
  pbxNodeId: string,
  leadPhones: readonly string[] = Object.values(LAB_NUMBERS),
): Promise<IngestTestTenant> {
  const plan = await insertPlan({ maxConcurrentCalls: 10, features: ["monitoring"] });
  const tenant = await insertTenant(plan.id);
  await ownerQuery(`UPDATE "Tenant" SET "pbxNodeId" = $1 WHERE id = $2`, [pbxNodeId, tenant.id]);
  const members: IngestTestTenant["members"] = {};
  for (const number of ["1001", "1002", "1003"]) {
    const member = await insertMember(tenant.id, "rep");
    await ownerQuery(
      `INSERT INTO "Extension" (id, "tenantId", number, name, "secretEnc", "membershipId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, 'x', $4, now())`,
      [tenant.id, number, `Ramal ${number}`, member.membershipId],
    );
    members[number] = { userId: member.userId, userName: `User ${member.email}` };
  }
  const leads: IngestTestTenant["leads"] = {};
  for (const phone of leadPhones) {
    const [row] = await ownerQuery<{ id: string }>(
      `INSERT INTO "Lead" (id, "tenantId", name, phone, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now()) RETURNING id`,
      [tenant.id, `Lead ${phone}`, phone],
    );
    leads[phone] = row!.id;
  }
  return { id: tenant.id, slug: tenant.slug, members, leads };
}

/** The Call row call control writes before its Originate (no linkedid yet). */
export async function clickToCallRow(
  tenant: IngestTestTenant,
  pbxNodeId: string,
  options: { extension?: string; leadPhone?: string; actionId?: string; createdAgoMs?: number } = {},
): Promise<{ id: string; actionId: string }> {
  const extension = options.extension ?? "1001";
  const leadPhone = options.leadPhone ?? LAB_NUMBERS.lead;
  const actionId = options.actionId ?? `c2c-${randomUUID()}`;
  const member = tenant.members[extension]!;
  const at = new Date(Date.now() - (options.createdAgoMs ?? 0));
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Call" (id, "tenantId", "pbxNodeId", "originateActionId", direction, state, "fromNumber", "toNumber", "extensionNumber",
       "userId", "userName", "leadId", "startedAt", "createdAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, 'outbound', 'originating', $4, $5, $4, $6, $7, $8, $9, $9, now()) RETURNING id`,
    [tenant.id, pbxNodeId, actionId, extension, leadPhone, member.userId, member.userName, tenant.leads[leadPhone] ?? null, at],
  );
  return { id: row!.id, actionId };
}

export type CallRow = {
  id: string;
  linkedId: string | null;
  direction: string;
  state: string;
  fromNumber: string | null;
  toNumber: string | null;
  extensionNumber: string | null;
  userId: string | null;
  userName: string | null;
  leadId: string | null;
  gatewayName: string | null;
  startedAt: Date;
  ringingAt: Date | null;
  answeredAt: Date | null;
  endedAt: Date | null;
  durationSec: number | null;
  billsec: number | null;
  disposition: string | null;
  hangupCause: number | null;
  transferredTo: string | null;
  activityId: string | null;
  originateActionId: string | null;
};

export async function callsOf(tenantId: string): Promise<CallRow[]> {
  return ownerQuery<CallRow>(`SELECT * FROM "Call" WHERE "tenantId" = $1 ORDER BY "startedAt", id`, [tenantId]);
}

export type ActivityRow = {
  id: string;
  kind: string;
  leadId: string | null;
  actorUserId: string | null;
  actorName: string | null;
  data: Record<string, unknown>;
};

export async function activitiesOf(tenantId: string): Promise<ActivityRow[]> {
  return ownerQuery<ActivityRow>(
    `SELECT id, kind::text, "leadId", "actorUserId", "actorName", data FROM "Activity" WHERE "tenantId" = $1 ORDER BY "occurredAt", id`,
    [tenantId],
  );
}

export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export type LabRewrite = {
  acme?: string;
  globex?: string;
  /** Extra replacements (applied first): `c-123` → a Call id, `c2c-0002` → an ActionID … */
  replace?: CaptureRewrite["replace"];
  transform?: CaptureRewrite["transform"];
};

/**
 * Replays a capture with the lab tenants renamed, without the recording client's own replies, and
 * resolves once the ingest has received every packet (eventsIn) and written it (flush).
 */
export async function replayLab(
  server: AmiTestServer,
  dir: string,
  capture: string,
  rewrite: LabRewrite,
  ingest: { eventsIn: () => number; flush: () => Promise<void> },
  replayOptions: AmiReplayOptions = {},
): Promise<void> {
  const replace: Array<readonly [string | RegExp, string]> = [...(rewrite.replace ?? [])];
  if (rewrite.acme) replace.push(["acme", rewrite.acme]);
  if (rewrite.globex) replace.push(["globex", rewrite.globex]);
  const name = `${capture}-${randomUUID().slice(0, 8)}`;
  const { packets } = await rewriteCapture(capture, dir, name, { replace, dropReplies: true, transform: rewrite.transform });
  const before = ingest.eventsIn();
  await server.replay(name, replayOptions);
  await until(() => ingest.eventsIn() >= before + packets, 10_000, `${capture}: ${packets} events received`);
  await ingest.flush();
}

/** A regex for a whole token (`c-123` but not `c-1234`). */
export function token(text: string): RegExp {
  return new RegExp(`(?<![\\w-])${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w-])`, "g");
}

/**
 * The items of a list action recorded in a capture (e.g. 16-conn2's CoreShowChannel), renamed like
 * replayLab does, without their ActionID: what the AMI test server's setChannels expects.
 */
export async function captureListItems(capture: string, event: string, rewrite: Pick<LabRewrite, "acme" | "globex" | "replace">) {
  const data = await readFile(join(CAPTURES_DIR, `${capture}.ami`), "latin1");
  const replace: Array<readonly [string | RegExp, string]> = [...(rewrite.replace ?? [])];
  if (rewrite.acme) replace.push(["acme", rewrite.acme]);
  if (rewrite.globex) replace.push(["globex", rewrite.globex]);
  return data
    .split("\r\n\r\n")
    .filter((packet) => packetHeader(packet, "Event") === event)
    .map((packet) => {
      let text = packet;
      for (const [from, to] of replace) text = typeof from === "string" ? text.split(from).join(to) : text.replace(from, to);
      return text
        .split("\r\n")
        .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)] as const)
        .filter(([key]) => key.toLowerCase() !== "actionid");
    });
}
