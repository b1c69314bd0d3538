import { randomUUID } from "node:crypto";
import type { Session } from "next-auth";
import { insertPlan, insertTenant, uniqueCode } from "@/server/services/plans/throwaway-tenant.fixture";
import { ownerPool, ownerQuery } from "@/server/testing/owner-db";

// Test arrangement only (imported by *.int.test.ts): tenants, calls with their charges and DID
// allocations written as the tables' owner, so a test controls exactly what an invoice is made of.

/** A tenant of its own on a plan of its own, a customer since `createdAt`. */
export async function billableTenant(options: { createdAt?: Date; monthlyPrice?: string } = {}) {
  const plan = await insertPlan();
  await ownerQuery(`UPDATE "Plan" SET "monthlyPrice" = $2 WHERE id = $1`, [plan.id, options.monthlyPrice ?? "99.90"]);
  const tenant = await insertTenant(plan.id);
  await ownerQuery(`UPDATE "Tenant" SET "createdAt" = $2 WHERE id = $1`, [
    tenant.id,
    options.createdAt ?? new Date("2020-01-01T12:00:00Z"),
  ]);
  return { ...tenant, planId: plan.id, planName: `Plan ${plan.code}` };
}

export type FixtureCharge = {
  status?: "rated" | "unratable";
  unratableReason?: string;
  destination?: string | null;
  billedSecSell?: number;
  priceMicros?: bigint | null;
  costMicros?: bigint | null;
};

export type FixtureCall = {
  startedAt: Date;
  number?: string;
  direction?: "outbound" | "inbound" | "internal";
  state?: "ended" | "answered";
  /** Talk time; 0 = unanswered. */
  billsec?: number;
  /** The call's charge as the rating engine would have written it; null = not rated (yet). */
  charge?: FixtureCharge | null;
};

/**
 * Inserts calls and their charges in one transaction, so no rating run elsewhere can see a call of
 * ours without its charge (it would rate it against whatever decks exist). Returns the call ids.
 */
export async function insertCallsWithCharges(tenantId: string, calls: FixtureCall[]): Promise<string[]> {
  const client = await ownerPool().connect();
  const ids: string[] = [];
  try {
    await client.query("BEGIN");
    for (const call of calls) {
      const id = randomUUID();
      const billsec = call.billsec ?? 0;
      const state = call.state ?? "ended";
      const number = call.number ?? "5511999990000";
      const direction = call.direction ?? "outbound";
      await client.query(
        `INSERT INTO "Call" (id, "tenantId", direction, state, "fromNumber", "toNumber", "startedAt", "answeredAt", "endedAt",
           "durationSec", billsec, disposition, "gatewayName", "updatedAt")
         VALUES ($1, $2, $3::"CallDirection", $4::"CallState", '1001', $5, $6, $7, $8, $9, $10, $11::"CallDisposition", 'fixture-gw', now())`,
        [
          id,
          tenantId,
          direction,
          state,
          number,
          call.startedAt,
          billsec > 0 ? call.startedAt : null,
          state === "ended" ? new Date(call.startedAt.getTime() + (billsec + 5) * 1000) : null,
          state === "ended" ? billsec + 5 : null,
          state === "ended" ? billsec : null,
          state === "ended" ? (billsec > 0 ? "answered" : "no_answer") : null,
        ],
      );
      const charge = call.charge;
      if (charge) {
        const status = charge.status ?? "rated";
        const price = charge.priceMicros === undefined ? 0n : charge.priceMicros;
        const cost = charge.costMicros === undefined ? (status === "rated" ? 0n : null) : charge.costMicros;
        await client.query(
          `INSERT INTO "CallCharge" (id, "tenantId", "callId", "callStartedAt", direction, number, status, "unratableReason", destination,
             "answeredSec", "billedSecSell", "billedSecBuy", "priceMicros", "costMicros", "marginMicros")
           VALUES (gen_random_uuid(), $1, $2, $3, $4::"CallDirection", $5, $6::"ChargeStatus", $7, $8, $9, $10, $10, $11, $12, $13)`,
          [
            tenantId,
            id,
            call.startedAt,
            direction,
            number,
            status,
            status === "unratable" ? (charge.unratableReason ?? "no_sell_rate") : null,
            charge.destination === undefined ? null : charge.destination,
            billsec,
            charge.billedSecSell ?? 0,
            price === null ? null : price.toString(),
            cost === null ? null : cost.toString(),
            status === "rated" && price !== null && cost !== null ? (price - cost).toString() : null,
          ],
        );
      }
      ids.push(id);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
  return ids;
}

/**
 * A number the tenant held over [fromAt, toAt): a DID of a provider of its own, left quarantined
 * (nothing else allocates it), with the allocation history written directly, as the Did trigger
 * would have written it at those times.
 */
export async function insertHeldDid(
  tenantId: string,
  options: { number?: string; monthlyPrice: string; periods: { fromAt: Date; toAt: Date | null }[] },
): Promise<{ didId: string; number: string; providerId: string }> {
  const [provider] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Provider" (id, name, "updatedAt") VALUES (gen_random_uuid(), $1, now()) RETURNING id`,
    [`Provider ${uniqueCode("p")}`],
  );
  const number = options.number ?? `+55119${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const [did] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Did" (id, number, "providerId", "monthlyPrice", status, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, 'quarantined', now()) RETURNING id`,
    [number, provider!.id, options.monthlyPrice],
  );
  for (const period of options.periods)
    await ownerQuery(
      `INSERT INTO "DidAllocation" (id, "tenantId", "didId", number, "fromAt", "toAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, $5)`,
      [tenantId, did!.id, number, period.fromAt, period.toAt],
    );
  return { didId: did!.id, number, providerId: provider!.id };
}

/** A console session as next-auth gives it, for the route handlers. */
export async function adminSession(email = "root@linha.local"): Promise<Session> {
  const [user] = await ownerQuery<{ id: string; name: string }>(`SELECT id, name FROM "User" WHERE email = $1`, [email]);
  return {
    user: { id: user!.id, email, name: user!.name, scope: "admin", locale: "pt-BR" },
    expires: new Date(Date.now() + 3600_000).toISOString(),
  };
}

/** Every column of an invoice and its lines, as the owner reads them: to prove a refused change changed nothing. */
export async function invoiceRowState(invoiceId: string) {
  const [invoice] = await ownerQuery(`SELECT * FROM "Invoice" WHERE id = $1`, [invoiceId]);
  const lines = await ownerQuery(`SELECT * FROM "InvoiceLine" WHERE "invoiceId" = $1 ORDER BY position`, [invoiceId]);
  return { invoice, lines };
}

/** São Paulo local time (UTC−3 since 2019) as an instant: sp("2025-06-10T14:00:00"). */
export const sp = (local: string) => new Date(`${local}-03:00`);
