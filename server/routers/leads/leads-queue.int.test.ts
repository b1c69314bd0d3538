import { beforeAll, describe, expect, it } from "vitest";
import type { LeadListInput, LeadSort } from "@/lib/schemas/lead";
import { ownerQuery } from "@/server/testing/owner-db";
import { insertLeads, makeLeadsWorkspace, type Caller, type LeadRow } from "./leads-fixtures";

// The work queue's list: every filter, every sort, keyset walks with ties and NULLs, under the
// visibility rule (reps see their own leads and unassigned ones). One throw-away tenant.

type Workspace = Awaited<ReturnType<typeof makeLeadsWorkspace>>;
type Arranged = LeadRow & { id: string };

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 10, 12);
const STATUSES = ["new", "contacted", "qualified", "unqualified", "customer"];
const SOURCES = ["website", "referral", "outbound", "event", "partner"];
const TAGS = ["vip", "zona sul", "indústria", "retorno", "b2b"];

function arrange(ws: Workspace): LeadRow[] {
  const owners = [ws.rep1.membershipId, ws.rep2.membershipId, null, ws.manager.membershipId];
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  return Array.from({ length: 44 }, (_, i) => ({
    // Few distinct names, scores, dates: ties everywhere, so the id tie-break is exercised.
    name: ["Ana Lima", "Bruno Costa", "Carla Dias", "Ana Lima", "Édson Reis", "bruno alves"][i % 6]!,
    ownerId: owners[i % 4],
    status: STATUSES[rnd(5)],
    source: SOURCES[rnd(5)],
    score: [0, 15, 40, 40, 75, 90, -10][rnd(7)],
    tags: i % 5 === 0 ? [] : [TAGS[rnd(5)]!, ...(i % 3 === 0 ? [TAGS[rnd(5)]!] : [])].filter((t, k, a) => a.indexOf(t) === k),
    // ~30% never contacted; the rest on a handful of instants (ties).
    lastContactAt: i % 3 === 1 ? null : new Date(NOW - (rnd(6) + 1) * DAY),
    createdAt: new Date(NOW - (rnd(10) + 1) * DAY),
    phone: `+5511987${String(6000 + i).padStart(6, "0")}`,
    company: i % 2 ? `Padaria ${i}` : null,
  }));
}

async function walk(caller: Caller, input: Omit<LeadListInput, "cursor">): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const page: Awaited<ReturnType<Caller["leads"]["list"]>> = await caller.leads.list({ ...input, cursor });
    seen.push(...page.items.map((l) => l.id));
    cursor = page.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error("walk did not end");
}

const SQL_ORDER: Record<string, string> = {
  "lastContact.desc": `"lastContactAt" DESC NULLS FIRST, id DESC`,
  "lastContact.asc": `"lastContactAt" ASC NULLS LAST, id ASC`,
  "score.desc": `score DESC, id DESC`,
  "score.asc": `score ASC, id ASC`,
  "created.desc": `"createdAt" DESC, id DESC`,
  "created.asc": `"createdAt" ASC, id ASC`,
  "name.desc": `name DESC, id DESC`,
  "name.asc": `name ASC, id ASC`,
};

describe("leads work queue list", () => {
  let ws: Workspace;
  let leads: Arranged[];
  let rep1Visible: Set<string>;

  beforeAll(async () => {
    ws = await makeLeadsWorkspace();
    const rows = arrange(ws);
    const ids = await insertLeads(ws.tenantId, rows);
    leads = rows.map((r, i) => ({ ...r, id: ids[i]! }));
    rep1Visible = new Set(leads.filter((l) => l.ownerId === ws.rep1.membershipId || l.ownerId === null).map((l) => l.id));
  });

  async function expectedOrder(sort: string, visibleTo: "all" | "rep1"): Promise<string[]> {
    const rows = await ownerQuery<{ id: string }>(
      `SELECT id FROM "Lead" WHERE "tenantId" = $1 ${visibleTo === "rep1" ? `AND ("ownerId" = $2 OR "ownerId" IS NULL)` : "AND $2::uuid IS NOT NULL"} ORDER BY ${SQL_ORDER[sort]}`,
      [ws.tenantId, ws.rep1.membershipId],
    );
    return rows.map((r) => r.id);
  }

  describe("keyset pagination", () => {
    for (const sort of Object.keys(SQL_ORDER)) {
      it(`walks every visible row exactly once, in order, sorted by ${sort}`, async () => {
        const [by, dir] = sort.split(".") as [LeadSort["by"], LeadSort["dir"]];
        for (const [who, caller] of [
          ["all", ws.manager.caller],
          ["rep1", ws.rep1.caller],
        ] as const) {
          const seen = await walk(caller, { sort: { by, dir }, limit: 4 });
          expect(seen, `${sort} as ${who}`).toEqual(await expectedOrder(sort, who));
        }
      });
    }

    it("stays stable while rows change: no repeats, and every unchanged row still comes", async () => {
      const extra = await makeLeadsWorkspace();
      const ids = await insertLeads(extra.tenantId, arrange(extra));
      const first = await extra.manager.caller.leads.list({ sort: { by: "lastContact", dir: "desc" }, limit: 10 });
      const seen = first.items.map((l) => l.id);
      // Meanwhile: a new never-contacted lead (sorts before the cursor), one seen row deleted,
      // one unseen row contacted just now (moves before the cursor).
      await insertLeads(extra.tenantId, [{ name: "Novo no meio", lastContactAt: null }]);
      await ownerQuery(`DELETE FROM "Lead" WHERE id = $1`, [seen[0]]);
      const unseen = ids.filter((id) => !seen.includes(id));
      await ownerQuery(`UPDATE "Lead" SET "lastContactAt" = now() WHERE id = $1`, [unseen[5]]);
      const rest: string[] = [];
      let cursor = first.nextCursor;
      while (cursor) {
        const page = await extra.manager.caller.leads.list({ sort: { by: "lastContact", dir: "desc" }, limit: 10, cursor });
        rest.push(...page.items.map((l) => l.id));
        cursor = page.nextCursor;
      }
      expect(rest.filter((id) => seen.includes(id))).toEqual([]);
      expect(new Set(rest).size).toBe(rest.length);
      const stillThere = unseen.filter((id) => id !== unseen[5]);
      expect(stillThere.every((id) => rest.includes(id))).toBe(true);
    });

    it("refuses a cursor made for another sort, or forged", async () => {
      const page = await ws.manager.caller.leads.list({ sort: { by: "score", dir: "desc" }, limit: 3 });
      for (const input of [
        { sort: { by: "name", dir: "asc" } as const, cursor: page.nextCursor },
        { cursor: Buffer.from(`["created","desc","yesterday","${leads[0]!.id}"]`).toString("base64url") },
        { cursor: "not-a-cursor" },
      ]) {
        const error = await ws.manager.caller.leads.list(input).catch((e: unknown) => e as { code: string });
        expect(error).toMatchObject({ code: "BAD_REQUEST" });
      }
    });
  });

  describe("filters", () => {
    async function ids(caller: Caller, input: LeadListInput): Promise<string[]> {
      return (await walk(caller, { ...input, limit: 100 })).sort();
    }
    const expectIds = (list: Arranged[]) => list.map((l) => l.id).sort();

    it("owner: me, none, a member (manager), and a rep never sees another rep's leads", async () => {
      const { manager, rep1, rep2 } = ws;
      expect(await ids(rep1.caller, { owner: "me" })).toEqual(expectIds(leads.filter((l) => l.ownerId === rep1.membershipId)));
      expect(await ids(rep1.caller, { owner: "none" })).toEqual(expectIds(leads.filter((l) => l.ownerId === null)));
      expect(await ids(manager.caller, { owner: rep2.membershipId })).toEqual(
        expectIds(leads.filter((l) => l.ownerId === rep2.membershipId)),
      );
      expect(await ids(rep1.caller, { owner: rep2.membershipId })).toEqual([]);
      expect(await ids(rep1.caller, {})).toEqual([...rep1Visible].sort());
      expect(await ids(manager.caller, {})).toEqual(expectIds(leads));
    });

    it("status and source take several values", async () => {
      const status = ["new", "customer"] as const;
      const source = ["website", "event"] as const;
      expect(await ids(ws.manager.caller, { status: [...status] })).toEqual(
        expectIds(leads.filter((l) => (status as readonly string[]).includes(l.status!))),
      );
      expect(await ids(ws.manager.caller, { status: [...status], source: [...source] })).toEqual(
        expectIds(
          leads.filter((l) => (status as readonly string[]).includes(l.status!) && (source as readonly string[]).includes(l.source!)),
        ),
      );
    });

    it("score range is inclusive at both ends; a reversed range is a field error", async () => {
      expect(await ids(ws.manager.caller, { scoreMin: 15, scoreMax: 75 })).toEqual(
        expectIds(leads.filter((l) => l.score! >= 15 && l.score! <= 75)),
      );
      expect(await ids(ws.manager.caller, { scoreMin: 0 })).toEqual(expectIds(leads.filter((l) => l.score! >= 0)));
      expect(await ids(ws.manager.caller, { scoreMax: 0 })).toEqual(expectIds(leads.filter((l) => l.score! <= 0)));
      const error = await ws.manager.caller.leads.list({ scoreMin: 50, scoreMax: 10 }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
    });

    it("tags match any of the given ones, normalized", async () => {
      expect(await ids(ws.manager.caller, { tags: ["VIP ", "b2b"] })).toEqual(
        expectIds(leads.filter((l) => l.tags!.some((t) => t === "vip" || t === "b2b"))),
      );
    });

    it("created and last-contact ranges, and never contacted", async () => {
      const from = new Date(NOW - 5 * DAY);
      const to = new Date(NOW - 2 * DAY);
      expect(await ids(ws.manager.caller, { createdFrom: from, createdTo: to })).toEqual(
        expectIds(leads.filter((l) => l.createdAt! >= from && l.createdAt! <= to)),
      );
      expect(await ids(ws.manager.caller, { lastContactFrom: from })).toEqual(
        expectIds(leads.filter((l) => l.lastContactAt && l.lastContactAt >= from)),
      );
      expect(await ids(ws.manager.caller, { lastContactTo: to })).toEqual(
        expectIds(leads.filter((l) => l.lastContactAt && l.lastContactAt <= to)),
      );
      expect(await ids(ws.manager.caller, { neverContacted: true })).toEqual(expectIds(leads.filter((l) => l.lastContactAt === null)));
    });

    it("search, combined with the other filters and visibility", async () => {
      expect(await ids(ws.rep1.caller, { search: "padaria", neverContacted: true })).toEqual(
        expectIds(leads.filter((l) => rep1Visible.has(l.id) && l.company && l.lastContactAt === null)),
      );
      expect(await ids(ws.manager.caller, { search: "987006003" })).toEqual(expectIds([leads[3]!]));
    });

    it("counts matching visible rows with the page, or apart from it (leads.count)", async () => {
      const never = leads.filter((l) => l.lastContactAt === null);
      const page = await ws.manager.caller.leads.list({ limit: 5, neverContacted: true });
      expect(page).toMatchObject({ total: never.length, totalCapped: false });
      expect(page.items).toHaveLength(5);
      expect(await ws.manager.caller.leads.list({ limit: 5, neverContacted: true, withTotal: false })).toMatchObject({ total: null });
      expect(await ws.rep1.caller.leads.count({ neverContacted: true })).toEqual({
        total: never.filter((l) => rep1Visible.has(l.id)).length,
        capped: false,
      });
    });
  });
});
