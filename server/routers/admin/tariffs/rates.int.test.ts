import { beforeAll, describe, expect, it } from "vitest";
import { blamedFields, trpcError } from "@/server/routers/admin/inventory/inventory-test-kit";
import { shown } from "@/server/routers/admin/routes/route-test-kit";
import { withAdmin } from "@/server/db";
import { isOverlapViolation } from "@/server/services/billing/decks/deck-errors";
import { insertRates } from "@/server/services/billing/decks/deck-version";
import { ownerQuery } from "@/server/testing/owner-db";
import { auditActions, currentVersionId, missingId, newBuyDeck, rateLines, rootCaller, versionRows, type Caller } from "./tariffs-test-kit";

const rate = (prefix: string, price: string, from = "2026-01-01", to = "") => ({
  prefix,
  description: `Destino ${prefix}`,
  pricePerMinute: price,
  connectionFee: "",
  increment: "30/6",
  effectiveFrom: from,
  effectiveTo: to,
});

describe("admin.tariffs.rates", () => {
  let root: Caller;
  beforeAll(async () => {
    root = await rootCaller();
  });

  it("makes a new version for every add, edit and delete, leaving the earlier versions as they were", async () => {
    const { deck } = await newBuyDeck(root);
    const v1 = await currentVersionId(deck.id);
    const added = await root.admin.tariffs.rates.create({ deckId: deck.id, data: rate("55", "0,10"), note: "Brasil" });
    expect(added.version).toMatchObject({
      number: 2,
      change: "edited",
      note: "Brasil",
      rateCount: 1,
      added: 1,
      changed: 0,
      removed: 0,
      current: true,
    });
    expect(added.version.createdBy?.email).toBe("root@linha.local");
    await root.admin.tariffs.rates.create({
      deckId: deck.id,
      data: { ...rate("5511", "0.05"), increment: "60/60", connectionFee: "0,01" },
    });
    const v3 = await currentVersionId(deck.id);

    const page = await root.admin.tariffs.rates.list({ deckId: deck.id });
    const sp = page.items.find((r) => r.prefix === "5511")!;
    const edited = await root.admin.tariffs.rates.update({ id: sp.id, data: { ...rate("5511", "0,06"), increment: "60/60" } });
    expect(edited.version).toMatchObject({ number: 4, rateCount: 2, added: 0, changed: 1, removed: 0 });

    const br = (await root.admin.tariffs.rates.list({ deckId: deck.id })).items.find((r) => r.prefix === "55")!;
    const deleted = await root.admin.tariffs.rates.delete({ id: br.id });
    expect(deleted.version).toMatchObject({ number: 5, rateCount: 1, added: 0, changed: 0, removed: 1 });

    expect(await rateLines(v1)).toEqual([]);
    expect(await rateLines(v3)).toEqual([
      "55 Destino 55 100000 0 30/6 2026-01-01 00:00→∞",
      "5511 Destino 5511 50000 10000 60/60 2026-01-01 00:00→∞",
    ]);
    expect(await rateLines(await currentVersionId(deck.id))).toEqual(["5511 Destino 5511 60000 0 60/60 2026-01-01 00:00→∞"]);
    expect((await versionRows(deck.id)).map((v) => [v.number, v.change, v.rates])).toEqual([
      [1, "created", 0],
      [2, "edited", 1],
      [3, "edited", 2],
      [4, "edited", 2],
      [5, "edited", 1],
    ]);
    expect(await auditActions(deck.id)).toEqual([
      "rate_deck.create",
      "rate_deck.rate_add",
      "rate_deck.rate_add",
      "rate_deck.rate_update",
      "rate_deck.rate_delete",
    ]);
  });

  it("refuses a period that overlaps another of the same prefix, naming it, and changes nothing", async () => {
    const { deck } = await newBuyDeck(root);
    await root.admin.tariffs.rates.create({ deckId: deck.id, data: rate("5511", "0,05", "2026-01-01", "2026-03-01") });
    await root.admin.tariffs.rates.create({ deckId: deck.id, data: rate("5511", "0,06", "2026-03-01") });
    const before = await versionRows(deck.id);

    const overlapping = await trpcError(
      root.admin.tariffs.rates.create({ deckId: deck.id, data: rate("5511", "0,07", "2026-02-15", "2026-02-20") }),
    );
    expect(overlapping.code).toBe("CONFLICT");
    expect(blamedFields(overlapping)).toEqual(["effectiveFrom"]);
    expect(shown(overlapping)).toBe("Overlaps the rate of 5511 effective from 2026-01-01 to 2026-03-01.");
    const open = await trpcError(root.admin.tariffs.rates.create({ deckId: deck.id, data: rate("5511", "0,07", "2026-05-01") }));
    expect(shown(open)).toBe("Overlaps the rate of 5511 effective since 2026-03-01 (open-ended).");
    expect(await versionRows(deck.id)).toEqual(before);

    // Editing a rate may move it within its own period; another prefix never clashes.
    const first = (await root.admin.tariffs.rates.list({ deckId: deck.id })).items[0]!;
    await root.admin.tariffs.rates.update({ id: first.id, data: rate("5511", "0,05", "2026-01-15", "2026-03-01") });
    await root.admin.tariffs.rates.create({ deckId: deck.id, data: rate("55119", "0,09", "2026-01-01") });
    expect(await rateLines(await currentVersionId(deck.id))).toEqual([
      "5511 Destino 5511 50000 0 30/6 2026-01-15 00:00→2026-03-01 00:00",
      "5511 Destino 5511 60000 0 30/6 2026-03-01 00:00→∞",
      "55119 Destino 55119 90000 0 30/6 2026-01-01 00:00→∞",
    ]);
  });

  it("counts an edit that moves a rate's prefix or start as one removed and one added", async () => {
    const { deck } = await newBuyDeck(root);
    await root.admin.tariffs.rates.create({ deckId: deck.id, data: rate("5521", "0,05") });
    const [rj] = (await root.admin.tariffs.rates.list({ deckId: deck.id })).items;
    const moved = await root.admin.tariffs.rates.update({ id: rj!.id, data: rate("5522", "0,05") });
    expect(moved.version).toMatchObject({ rateCount: 1, added: 1, changed: 0, removed: 1 });
  });

  it("edits from a page opened on an older version while the rate is unchanged, and refuses once it changed", async () => {
    const { deck } = await newBuyDeck(root);
    await root.admin.tariffs.rates.create({ deckId: deck.id, data: rate("5531", "0,05") });
    await root.admin.tariffs.rates.create({ deckId: deck.id, data: rate("5541", "0,05") });
    const opened = (await root.admin.tariffs.rates.list({ deckId: deck.id })).items;
    // Someone else edits 5541: every rate row of the deck is a new row in the new version.
    await root.admin.tariffs.rates.update({ id: opened[1]!.id, data: rate("5541", "0,08") });

    const stillSame = await root.admin.tariffs.rates.update({ id: opened[0]!.id, data: rate("5531", "0,04") });
    expect(stillSame.version).toMatchObject({ changed: 1, rateCount: 2 });
    const stale = await trpcError(root.admin.tariffs.rates.update({ id: opened[1]!.id, data: rate("5541", "0,09") }));
    expect(stale.code).toBe("CONFLICT");
    expect(shown(stale)).toBe("This rate changed after you opened the deck. Reload and try again.");

    const [current] = (await root.admin.tariffs.rates.list({ deckId: deck.id, search: "5531" })).items;
    const unchanged = await trpcError(root.admin.tariffs.rates.update({ id: current!.id, data: rate("5531", "0,04") }));
    expect(shown(unchanged)).toBe("Nothing changed.");
    expect((await trpcError(root.admin.tariffs.rates.delete({ id: missingId() }))).code).toBe("NOT_FOUND");
  });

  it("refuses bad fields with a message for each", async () => {
    const { deck } = await newBuyDeck(root);
    const error = await trpcError(
      root.admin.tariffs.rates.create({
        deckId: deck.id,
        data: {
          prefix: "+55 (11)",
          description: "",
          pricePerMinute: "0,1234567",
          connectionFee: "-1",
          increment: "30",
          effectiveFrom: "ontem",
          effectiveTo: "",
        },
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(blamedFields(error).sort()).toEqual(["connectionFee", "description", "effectiveFrom", "prefix", "pricePerMinute"]);
    expect(await versionRows(deck.id)).toHaveLength(1);
  });

  it("lists a version's rates in prefix order, searched by prefix or description, page by page", async () => {
    const { deck } = await newBuyDeck(root);
    const v1 = await currentVersionId(deck.id);
    for (const [prefix, description] of [
      ["55", "Brasil"],
      ["5511", "São Paulo fixo"],
      ["55119", "São Paulo móvel"],
      ["5521", "Rio de Janeiro fixo"],
      ["1", "EUA"],
    ] as const) {
      await root.admin.tariffs.rates.create({ deckId: deck.id, data: { ...rate(prefix, "0,1"), description } });
    }
    const all = await root.admin.tariffs.rates.list({ deckId: deck.id, limit: 2 });
    expect(all.total).toBe(5);
    expect(all.version).toMatchObject({ number: 6, current: true });
    expect(all.items.map((r) => r.prefix)).toEqual(["1", "55"]);
    const next = await root.admin.tariffs.rates.list({ deckId: deck.id, limit: 2, cursor: all.nextCursor });
    expect(next.items.map((r) => r.prefix)).toEqual(["5511", "55119"]);
    const last = await root.admin.tariffs.rates.list({ deckId: deck.id, limit: 2, cursor: next.nextCursor });
    expect(last.items.map((r) => r.prefix)).toEqual(["5521"]);
    expect(last.nextCursor).toBeNull();

    expect((await root.admin.tariffs.rates.list({ deckId: deck.id, search: "+55 11" })).items.map((r) => r.prefix)).toEqual([
      "5511",
      "55119",
    ]);
    expect((await root.admin.tariffs.rates.list({ deckId: deck.id, search: "paulo" })).items.map((r) => r.prefix)).toEqual([
      "5511",
      "55119",
    ]);
    expect((await root.admin.tariffs.rates.list({ deckId: deck.id, search: "fixo" })).total).toBe(2);

    const old = await root.admin.tariffs.rates.list({ deckId: deck.id, versionId: v1 });
    expect(old).toMatchObject({ total: 0, version: { number: 1, current: false } });
    const { deck: other } = await newBuyDeck(root);
    const foreign = await trpcError(root.admin.tariffs.rates.list({ deckId: other.id, versionId: v1 }));
    expect(foreign.code).toBe("NOT_FOUND");
  });

  it("never writes a rate the database would refuse (prices stay integer micro-reais)", async () => {
    const { deck } = await newBuyDeck(root);
    await root.admin.tariffs.rates.create({ deckId: deck.id, data: { ...rate("55", "0,000001"), connectionFee: "1000000" } });
    const [row] = await ownerQuery<{ price: string; fee: string }>(
      `SELECT "pricePerMinuteMicros"::text AS price, "connectionFeeMicros"::text AS fee FROM "Rate" WHERE "versionId" = $1`,
      [await currentVersionId(deck.id)],
    );
    expect(row).toEqual({ price: "1", fee: "1000000000000" });
  });

  it("recognises the database's own overlap refusal (Rate_no_overlap, SQLSTATE 23P01)", async () => {
    const { deck } = await newBuyDeck(root);
    const versionId = await currentVersionId(deck.id);
    const rate = (from: string, to: string | null) => ({
      prefix: "5511",
      description: "SP",
      pricePerMinuteMicros: 1n,
      connectionFeeMicros: 0n,
      minSeconds: 0,
      incrementSeconds: 1,
      effectiveFrom: Date.parse(from),
      effectiveTo: to === null ? null : Date.parse(to),
    });
    const error = await withAdmin((db) =>
      insertRates(db, versionId, [rate("2026-01-01T03:00:00Z", null), rate("2026-02-01T03:00:00Z", null)]),
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect(isOverlapViolation(error)).toBe(true);
    expect(isOverlapViolation(new Error("other"))).toBe(false);
  });
});
