import { randomInt } from "node:crypto";
import { insertPlan, insertTenant, uniqueCode } from "@/server/services/plans/throwaway-tenant.fixture";
import { ownerQuery } from "@/server/testing/owner-db";

// Test arrangement only (imported by *.int.test.ts): tenants, providers, gateways, calls and their
// charges written as the tables' owner, exactly as the rating run would leave them. Reports read
// every tenant, so each test file works in a year of its own (a random one far from real data and
// from other files' fixtures) and filters by its own tenants, providers and gateways.

/** A year no other test (nor the demo seed) writes calls in. */
export function reportYear(): number {
  return randomInt(2100, 2900);
}

export async function insertProvider(): Promise<{ id: string; name: string }> {
  const name = uniqueCode("Reports provider");
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Provider" (id, name, "updatedAt") VALUES (gen_random_uuid(), $1, now()) RETURNING id`,
    [name],
  );
  return { id: row!.id, name };
}

export async function insertGateway(providerId: string): Promise<{ id: string; name: string }> {
  const name = uniqueCode("gw");
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Gateway" (id, "providerId", name, host, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now()) RETURNING id`,
    // A host of its own: two carrier gateways at one address make every node's config refuse to render.
    [providerId, name, `${name.toLowerCase()}.gw.example`],
  );
  return { id: row!.id, name };
}

export async function insertReportTenant(): Promise<{ id: string; slug: string; name: string }> {
  const plan = await insertPlan();
  return insertTenant(plan.id);
}

export type CallSpec = {
  tenantId: string;
  gatewayName: string | null;
  startedAt: string;
  direction?: "inbound" | "outbound" | "internal";
  state?: "originating" | "ringing" | "answered" | "ended";
  disposition?: "answered" | "no_answer" | "busy" | "failed" | "agent_missed" | null;
  billsec?: number;
  toNumber?: string;
};

export async function insertCall(spec: CallSpec): Promise<{ id: string; tenantId: string; startedAt: string; toNumber: string }> {
  const disposition = spec.disposition === undefined ? "answered" : spec.disposition;
  const toNumber = spec.toNumber ?? "5511987654321";
  const state = spec.state ?? "ended";
  const endedAt = state === "ended" ? new Date(Date.parse(spec.startedAt) + 600_000).toISOString() : null;
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Call" (id, "tenantId", direction, state, "fromNumber", "toNumber", "gatewayName", "startedAt", "endedAt", billsec, disposition, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, '2001', $4, $5, $6, $9, $7, $8, now()) RETURNING id`,
    [
      spec.tenantId,
      spec.direction ?? "outbound",
      state,
      toNumber,
      spec.gatewayName,
      spec.startedAt,
      spec.billsec ?? 0,
      disposition,
      endedAt,
    ],
  );
  return { id: row!.id, tenantId: spec.tenantId, startedAt: spec.startedAt, toNumber };
}

export type ChargeSpec = {
  /** Null: an unanswered call no sell rate matched. */
  destination: string | null;
  providerId: string | null;
  gatewayName: string | null;
  answeredSec: number;
  billedSecSell: number;
  billedSecBuy: number;
  priceMicros: bigint;
  costMicros: bigint;
};

/** A rated charge of `call` (margin = price − cost, as the CHECK wants). */
export async function insertCharge(call: Awaited<ReturnType<typeof insertCall>>, spec: ChargeSpec): Promise<void> {
  await ownerQuery(
    `INSERT INTO "CallCharge" (id, "tenantId", "callId", "callStartedAt", direction, number, status, destination, "answeredSec",
       "billedSecSell", "billedSecBuy", "priceMicros", "costMicros", "marginMicros", "gatewayName", "providerId")
     VALUES (gen_random_uuid(), $1, $2, $3, 'outbound', $4, 'rated', $5, $6, $7, $8, $9::bigint, $10::bigint, $9::bigint - $10::bigint, $11, $12)`,
    [
      call.tenantId,
      call.id,
      call.startedAt,
      call.toNumber,
      spec.destination,
      spec.answeredSec,
      spec.billedSecSell,
      spec.billedSecBuy,
      spec.priceMicros.toString(),
      spec.costMicros.toString(),
      spec.gatewayName,
      spec.providerId,
    ],
  );
}

/** An unratable charge of `call`: no price, no cost, a reason. */
export async function insertUnratableCharge(
  call: Awaited<ReturnType<typeof insertCall>>,
  spec: { answeredSec: number; providerId: string | null; gatewayName: string | null },
): Promise<void> {
  await ownerQuery(
    `INSERT INTO "CallCharge" (id, "tenantId", "callId", "callStartedAt", direction, number, status, "unratableReason", "answeredSec",
       "billedSecSell", "billedSecBuy", "gatewayName", "providerId")
     VALUES (gen_random_uuid(), $1, $2, $3, 'outbound', $4, 'unratable', 'no_sell_rate', $5, 0, 0, $6, $7)`,
    [call.tenantId, call.id, call.startedAt, call.toNumber, spec.answeredSec, spec.gatewayName, spec.providerId],
  );
}
