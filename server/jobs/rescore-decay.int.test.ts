import { beforeAll, describe, expect, it } from "vitest";
import { startOfCalendarDay } from "@/lib/scoring/calendar-day";
import { makeWorkspace } from "@/server/routers/settings/settings-fixtures";
import { insertLeads, insertRule, leadScores } from "@/server/services/scoring/scoring-fixtures";
import { appClient, ownerQuery } from "@/server/testing/owner-db";
import { RESCORE_DECAY_LOCK_KEY, rescoreDecay } from "./rescore-decay";

const DAY = 86_400_000;

describe("rescoreDecay job", () => {
  const now = new Date();
  const yesterday = new Date(startOfCalendarDay(now).getTime() - 3600_000);
  let decaying: { id: string };
  let steady: { id: string };
  let stale: string;
  let fresh: string;
  let untouched: string;

  beforeAll(async () => {
    decaying = (await makeWorkspace()).tenant;
    steady = (await makeWorkspace()).tenant;
    const cnpjRule = await insertRule(decaying.id, { name: "Tem CNPJ", points: 40, condition: { type: "has_cnpj" }, position: 0 });
    await insertRule(decaying.id, {
      name: "Sem contato",
      points: -30,
      condition: { type: "days_since_contact", afterDays: 14, pointsPerDay: -2, maxPoints: -30 },
      position: 1,
    });
    const details = JSON.stringify([{ ruleId: cnpjRule, name: "Tem CNPJ", points: 40 }]);
    const decayingLeads = await insertLeads(decaying.id, [
      // Last scored yesterday, when it was not yet past the 14 days without contact.
      { cnpj: "11222333000181", lastContactAt: new Date(now.getTime() - 20 * DAY), scoredAt: yesterday, score: 40 },
      // Already scored today: the pass leaves it alone even though its stored score is off.
      { cnpj: "11222333000181", lastContactAt: new Date(now.getTime() - 20 * DAY), scoredAt: now, score: 40 },
    ]);
    [stale, fresh] = decayingLeads as [string, string];
    await ownerQuery(`UPDATE "Lead" SET "scoreDetails" = $1::jsonb WHERE id = ANY($2::uuid[])`, [details, [stale, fresh]]);
    await insertRule(steady.id, { points: 40, condition: { type: "has_cnpj" } });
    [untouched] = (await insertLeads(steady.id, [
      { cnpj: "11222333000181", lastContactAt: new Date(now.getTime() - 90 * DAY), scoredAt: yesterday, score: 3 },
    ])) as [string];
  });

  it("lowers a stale lead's score and stamps it, only in tenants with a time-dependent rule", async () => {
    const result = await rescoreDecay({ now, tenantIds: [decaying.id, steady.id] });
    expect(result).toEqual({ ran: true, tenants: 2, leads: 1, failed: 0 });
    const scores = await leadScores([stale, fresh, untouched]);
    expect(scores.get(stale)?.score).toBe(28);
    expect(scores.get(stale)?.scoreDetails).toEqual([
      expect.objectContaining({ name: "Tem CNPJ", points: 40 }),
      expect.objectContaining({ name: "Sem contato", points: -12 }),
    ]);
    expect(scores.get(stale)?.scoredAt?.getTime()).toBe(now.getTime());
    expect(scores.get(fresh)?.score).toBe(40);
    expect(scores.get(untouched)).toMatchObject({ score: 3, scoredAt: yesterday });

    // A second pass the same day has nothing left to do.
    expect(await rescoreDecay({ now, tenantIds: [decaying.id] })).toEqual({ ran: true, tenants: 1, leads: 0, failed: 0 });
  });

  it("keeps decaying as days pass without contact, down to the cap", async () => {
    const in3Days = new Date(now.getTime() + 3 * DAY);
    expect(await rescoreDecay({ now: in3Days, tenantIds: [decaying.id], batch: 1 })).toMatchObject({ ran: true, leads: 2 });
    expect((await leadScores([stale])).get(stale)?.score).toBe(22);
    await rescoreDecay({ now: new Date(now.getTime() + 60 * DAY), tenantIds: [decaying.id] });
    expect((await leadScores([stale])).get(stale)?.score).toBe(10);
  });

  it("does nothing while another instance holds the lock", async () => {
    const other = await appClient();
    try {
      await other.query("SELECT pg_advisory_lock($1)", [RESCORE_DECAY_LOCK_KEY]);
      expect(await rescoreDecay({ now, tenantIds: [decaying.id] })).toEqual({ ran: false });
      await other.query("SELECT pg_advisory_unlock($1)", [RESCORE_DECAY_LOCK_KEY]);
      expect(await rescoreDecay({ now, tenantIds: [decaying.id] })).toMatchObject({ ran: true });
    } finally {
      await other.end();
    }
  });
});
