import { randomUUID } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appClient, ownerQuery } from "@/server/testing/owner-db";
import { insertPlan, insertTenant } from "@/server/services/plans/throwaway-tenant.fixture";
import { insertCall } from "./rating.fixture";

// CallCharge has no foreign keys (they made up over half of writing a million charges): statement
// triggers keep the same guarantees. Checked here through the roles that write charges and calls.

const CHARGE = `INSERT INTO "CallCharge" (id, "tenantId", "callId", "callStartedAt", direction, number, status, "unratableReason", "answeredSec", "billedSecSell", "billedSecBuy")
  VALUES (gen_random_uuid(), $1, $2, now(), 'outbound', '5511987654321', 'unratable', 'no_sell_rate', 0, 0, 0)`;

let tenantA: string;
let tenantB: string;
let console_: pg.Client;

async function chargeCount(callIds: string[]): Promise<number> {
  const [row] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "CallCharge" WHERE "callId" = ANY($1::uuid[])`, [callIds]);
  return row!.n;
}

async function expectViolation(client: pg.Client, sql: string, params: unknown[]) {
  await client.query("BEGIN");
  try {
    await expect(client.query(sql, params)).rejects.toMatchObject({ code: "23503", constraint: "CallCharge_call" });
  } finally {
    await client.query("ROLLBACK");
  }
}

beforeAll(async () => {
  const plan = await insertPlan();
  tenantA = (await insertTenant(plan.id)).id;
  tenantB = (await insertTenant(plan.id)).id;
  console_ = await appClient();
  await console_.query("SET ROLE linha_admin");
});

afterAll(async () => {
  await console_.end();
});

describe("a charge belongs to a call of its own tenant", () => {
  it("accepts charges of existing calls, many rows in one statement", async () => {
    const calls = [await insertCall(tenantA, { startedAt: "2031-01-10T10:00:00Z" }), await insertCall(tenantA, { startedAt: "2031-01-10T11:00:00Z" })];
    await console_.query(
      `INSERT INTO "CallCharge" (id, "tenantId", "callId", "callStartedAt", direction, number, status, "unratableReason", "answeredSec", "billedSecSell", "billedSecBuy")
       SELECT gen_random_uuid(), $1, c, now(), 'outbound', '5511987654321', 'unratable', 'no_sell_rate', 0, 0, 0 FROM unnest($2::uuid[]) AS c`,
      [tenantA, calls],
    );
    expect(await chargeCount(calls)).toBe(2);
  });

  it("refuses a charge of a call that does not exist, and of another tenant's call", async () => {
    await expectViolation(console_, CHARGE, [tenantA, randomUUID()]);
    const callOfB = await insertCall(tenantB, { startedAt: "2031-01-11T10:00:00Z" });
    await expectViolation(console_, CHARGE, [tenantA, callOfB]);
    expect(await chargeCount([callOfB])).toBe(0);
  });

  it("refuses a whole statement when one of its rows has no call", async () => {
    const call = await insertCall(tenantA, { startedAt: "2031-01-12T10:00:00Z" });
    await expectViolation(
      console_,
      `INSERT INTO "CallCharge" (id, "tenantId", "callId", "callStartedAt", direction, number, status, "unratableReason", "answeredSec", "billedSecSell", "billedSecBuy")
       SELECT gen_random_uuid(), $1, c, now(), 'outbound', '5511987654321', 'unratable', 'no_sell_rate', 0, 0, 0 FROM unnest($2::uuid[]) AS c`,
      [tenantA, [call, randomUUID()]],
    );
    expect(await chargeCount([call])).toBe(0);
  });

  it("refuses moving a charge to a call that does not exist", async () => {
    const call = await insertCall(tenantA, { startedAt: "2031-01-13T10:00:00Z" });
    await console_.query(CHARGE, [tenantA, call]);
    await expectViolation(console_, `UPDATE "CallCharge" SET "callId" = $2 WHERE "callId" = $1`, [call, randomUUID()]);
    await expectViolation(console_, `UPDATE "CallCharge" SET "tenantId" = $2 WHERE "callId" = $1`, [call, tenantB]);
    expect(await chargeCount([call])).toBe(1);
  });
});

describe("a charge goes with its call", () => {
  it("deleting calls deletes their charges and no one else's", async () => {
    const gone = await insertCall(tenantA, { startedAt: "2031-02-01T10:00:00Z" });
    const kept = await insertCall(tenantA, { startedAt: "2031-02-01T11:00:00Z" });
    await console_.query(CHARGE, [tenantA, gone]);
    await console_.query(CHARGE, [tenantA, kept]);
    await console_.query(`DELETE FROM "Call" WHERE id = $1`, [gone]);
    expect(await chargeCount([gone])).toBe(0);
    expect(await chargeCount([kept])).toBe(1);
  });

  it("deleting a tenant (its calls cascade) deletes its charges", async () => {
    const plan = await insertPlan();
    const doomed = (await insertTenant(plan.id)).id;
    const call = await insertCall(doomed, { startedAt: "2031-02-02T10:00:00Z" });
    await console_.query(CHARGE, [doomed, call]);
    await console_.query(`DELETE FROM "Tenant" WHERE id = $1`, [doomed]);
    expect(await chargeCount([call])).toBe(0);
  });

  it("the app role may delete an uncharged call but not a charged one", async () => {
    const uncharged = await insertCall(tenantA, { startedAt: "2031-02-03T10:00:00Z", state: "ringing" });
    const charged = await insertCall(tenantA, { startedAt: "2031-02-03T11:00:00Z" });
    await console_.query(CHARGE, [tenantA, charged]);
    const app = await appClient();
    try {
      await app.query("BEGIN");
      await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantA]);
      expect((await app.query(`DELETE FROM "Call" WHERE id = $1`, [uncharged])).rowCount).toBe(1);
      await app.query("COMMIT");
      await app.query("BEGIN");
      await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantA]);
      await expect(app.query(`DELETE FROM "Call" WHERE id = $1`, [charged])).rejects.toMatchObject({ code: "42501" });
      await app.query("ROLLBACK");
    } finally {
      await app.end();
    }
    const [row] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "Call" WHERE id = ANY($1::uuid[])`, [[uncharged, charged]]);
    expect(row!.n).toBe(1);
    expect(await chargeCount([charged])).toBe(1);
  });
});
