import { beforeAll, describe, expect, it } from "vitest";
import { trpcError } from "@/server/routers/admin/inventory/inventory-test-kit";
import { shown } from "@/server/routers/admin/routes/route-test-kit";
import { auditActions, csvOf, currentVersionId, newBuyDeck, rateLines, rootCaller, versionRows, type Caller } from "./tariffs-test-kit";

describe("admin.tariffs.versions", () => {
  let root: Caller;
  beforeAll(async () => {
    root = await rootCaller();
  });

  it("lists versions newest first with who made them, page by page", async () => {
    const { deck } = await newBuyDeck(root, ["55;Brasil;0,10;;;;2026-01-01;"]);
    await root.admin.tariffs.import({ deckId: deck.id, mode: "merge", csv: csvOf(["5511;SP;0,05;;;;2026-01-01;"]), note: "SP" });
    const first = await root.admin.tariffs.versions.list({ deckId: deck.id, limit: 2 });
    expect(first.items.map((v) => [v.number, v.change, v.note, v.current, v.rateCount])).toEqual([
      [3, "imported", "SP", true, 2],
      [2, "imported", null, false, 1],
    ]);
    expect(first.items[0]!.createdBy).toMatchObject({ email: "root@linha.local" });
    const rest = await root.admin.tariffs.versions.list({ deckId: deck.id, limit: 2, cursor: first.nextCursor });
    expect(rest.items.map((v) => [v.number, v.change])).toEqual([[1, "created"]]);
    expect(rest.nextCursor).toBeNull();
  });

  it("diffs two versions rate by rate, in prefix order, page by page", async () => {
    const { deck } = await newBuyDeck(root, [
      "55;Brasil;0,10;;30;6;2026-01-01;",
      "5511;SP;0,05;;30;6;2026-01-01;",
      "5521;RJ;0,06;;30;6;2026-01-01;",
      "5531;BH;0,07;;30;6;2026-01-01;",
    ]);
    const from = await currentVersionId(deck.id);
    await root.admin.tariffs.import({
      deckId: deck.id,
      mode: "replace",
      csv: csvOf([
        "55;Brasil;0,10;;30;6;2026-01-01;",
        "5511;SP;0,045;;30;6;2026-01-01;",
        "5531;BH;0,07;;60;60;2026-01-01;",
        "5541;PR;0,08;;30;6;2026-01-01;",
      ]),
    });
    const to = await currentVersionId(deck.id);

    const page = await root.admin.tariffs.versions.diff({ deckId: deck.id, fromVersionId: from, toVersionId: to, limit: 2 });
    expect(page.counts).toEqual({ added: 1, removed: 1, changed: 2 });
    expect(page.from.number).toBe(2);
    expect(page.to.number).toBe(3);
    expect(page.items.map((i) => [i.kind, i.before?.prefix ?? null, i.after?.prefix ?? null])).toEqual([
      ["changed", "5511", "5511"],
      ["removed", "5521", null],
    ]);
    expect(page.items[0]!.before!.pricePerMinuteMicros).toBe(50_000n);
    expect(page.items[0]!.after!.pricePerMinuteMicros).toBe(45_000n);
    const next = await root.admin.tariffs.versions.diff({
      deckId: deck.id,
      fromVersionId: from,
      toVersionId: to,
      limit: 2,
      cursor: page.nextCursor,
    });
    expect(next.items.map((i) => [i.kind, i.before?.prefix ?? null, i.after?.prefix ?? null])).toEqual([
      ["changed", "5531", "5531"],
      ["added", null, "5541"],
    ]);
    expect(next.nextCursor).toBeNull();

    const same = await root.admin.tariffs.versions.diff({ deckId: deck.id, fromVersionId: to, toVersionId: to });
    expect(same).toMatchObject({ counts: { added: 0, removed: 0, changed: 0 }, items: [] });
    const { deck: other } = await newBuyDeck(root);
    expect((await trpcError(root.admin.tariffs.versions.diff({ deckId: other.id, fromVersionId: from, toVersionId: to }))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("restores an earlier version as a new one, leaving every version in place", async () => {
    const { deck } = await newBuyDeck(root, ["55;Brasil;0,10;;30;6;2026-01-01;", "5511;SP;0,05;;30;6;2026-01-01;"]);
    const good = await currentVersionId(deck.id);
    await root.admin.tariffs.import({ deckId: deck.id, mode: "replace", csv: csvOf(["55;Brasil;9,99;;30;6;2026-01-01;"]) });

    const restored = await root.admin.tariffs.versions.restore({ versionId: good });
    expect(restored.version).toMatchObject({
      number: 4,
      change: "restored",
      note: "Restored from version 2",
      rateCount: 2,
      added: 1,
      changed: 1,
      removed: 0,
      current: true,
    });
    expect(await rateLines(await currentVersionId(deck.id))).toEqual(await rateLines(good));
    expect((await versionRows(deck.id)).map((v) => [v.number, v.change, v.rates])).toEqual([
      [1, "created", 0],
      [2, "imported", 2],
      [3, "imported", 1],
      [4, "restored", 2],
    ]);
    expect(await auditActions(deck.id)).toEqual(["rate_deck.create", "rate_deck.import", "rate_deck.import", "rate_deck.restore"]);

    const current = await trpcError(root.admin.tariffs.versions.restore({ versionId: await currentVersionId(deck.id) }));
    expect(current.code).toBe("CONFLICT");
    expect(shown(current)).toBe("This is already the current version.");
    expect((await trpcError(root.admin.tariffs.versions.restore({ versionId: "01a1fd16-ecc9-7f42-a57a-df8e8fbbf798" }))).code).toBe(
      "NOT_FOUND",
    );
  });
});
