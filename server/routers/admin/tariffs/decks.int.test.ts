import { beforeAll, describe, expect, it } from "vitest";
import { blamedFields, trpcError } from "@/server/routers/admin/inventory/inventory-test-kit";
import { shown } from "@/server/routers/admin/routes/route-test-kit";
import { ownerQuery } from "@/server/testing/owner-db";
import {
  auditActions,
  csvOf,
  currentVersionId,
  insertCompany,
  insertGateway,
  insertProvider,
  missingId,
  newBuyDeck,
  rateLines,
  rootCaller,
  unique,
  versionRows,
  type Caller,
} from "./tariffs-test-kit";

describe("admin.tariffs.decks", () => {
  let root: Caller;
  beforeAll(async () => {
    root = await rootCaller();
  });

  it("creates a deck with an empty first version, lists it under its owner and finds it by the owner's name", async () => {
    const provider = await insertProvider();
    const name = unique("Carrier deck");
    const deck = await root.admin.tariffs.decks.create({ name, kind: "buy", ownerType: "provider", ownerId: provider.id });
    expect(deck).toMatchObject({
      name,
      kind: "buy",
      owner: { type: "provider", id: provider.id, name: provider.name, parentName: null },
      currentVersion: { number: 1 },
      rateCount: 0,
      versionCount: 1,
    });
    expect(await versionRows(deck.id)).toEqual([expect.objectContaining({ number: 1, change: "created", rateCount: 0, rates: 0 })]);

    const byOwner = await root.admin.tariffs.decks.list({ search: provider.name });
    expect(byOwner.items.map((d) => d.id)).toEqual([deck.id]);
    expect(byOwner.counts).toEqual({ buy: 1, sell: 0 });
    expect((await root.admin.tariffs.decks.list({ search: provider.name, kind: "sell" })).items).toEqual([]);
    expect(await root.admin.tariffs.decks.get({ id: deck.id })).toEqual(deck);
    expect(await auditActions(deck.id)).toEqual(["rate_deck.create"]);
  });

  it("allows one deck per owner: a provider's and its gateway's apart, a plan's and its tenant's apart", async () => {
    const provider = await insertProvider();
    const gateway = await insertGateway(provider.id);
    const { planId, tenant } = await insertCompany();
    const make = (ownerType: "provider" | "gateway" | "plan" | "tenant", ownerId: string) =>
      root.admin.tariffs.decks.create({
        name: unique("Deck"),
        kind: ownerType === "provider" || ownerType === "gateway" ? "buy" : "sell",
        ownerType,
        ownerId,
      });

    const providerDeck = await make("provider", provider.id);
    const gatewayDeck = await make("gateway", gateway.id);
    expect(gatewayDeck.owner).toEqual({ type: "gateway", id: gateway.id, name: gateway.name, parentName: provider.name });
    await make("plan", planId);
    await make("tenant", tenant.id);

    for (const [type, id] of [
      ["provider", provider.id],
      ["gateway", gateway.id],
      ["plan", planId],
      ["tenant", tenant.id],
    ] as const) {
      const error = await trpcError(make(type, id));
      expect(error.code, type).toBe("CONFLICT");
      expect(blamedFields(error)).toEqual(["ownerId"]);
    }
    const again = await trpcError(make("provider", provider.id));
    expect(shown(again)).toBe(`This owner already has the deck “${providerDeck.name}”.`);

    const options = await root.admin.tariffs.decks.owners({ type: "gateway", search: gateway.name });
    expect(options).toEqual([
      {
        type: "gateway",
        id: gateway.id,
        name: gateway.name,
        parentName: provider.name,
        deck: { id: gatewayDeck.id, name: gatewayDeck.name },
      },
    ]);
  });

  it("refuses a kind that does not fit the owner, an unknown owner, and a name taken in any case", async () => {
    const provider = await insertProvider();
    const mismatch = await trpcError(
      root.admin.tariffs.decks.create({ name: unique("X"), kind: "sell", ownerType: "provider", ownerId: provider.id }),
    );
    expect(mismatch.code).toBe("BAD_REQUEST");
    expect(blamedFields(mismatch)).toEqual(["ownerType"]);

    const unknown = await trpcError(
      root.admin.tariffs.decks.create({ name: unique("X"), kind: "buy", ownerType: "provider", ownerId: missingId() }),
    );
    expect(unknown.code).toBe("NOT_FOUND");
    expect(blamedFields(unknown)).toEqual(["ownerId"]);

    const { deck } = await newBuyDeck(root);
    const taken = await trpcError(
      root.admin.tariffs.decks.create({ name: deck.name.toUpperCase(), kind: "buy", ownerType: "provider", ownerId: provider.id }),
    );
    expect(taken.code).toBe("CONFLICT");
    expect(blamedFields(taken)).toEqual(["name"]);
    expect(await ownerQuery(`SELECT 1 FROM "RateDeck" WHERE "providerId" = $1`, [provider.id])).toEqual([]);
  });

  it("starts a deck from a copy of another's current rates", async () => {
    const { deck: source } = await newBuyDeck(root, ["55;Brasil;0,10;;30;6;2026-01-01;", "5511;SP;0,05;;;;2026-01-01;"]);
    const { planId } = await insertCompany();
    const copy = await root.admin.tariffs.decks.create({
      name: unique("Copy"),
      kind: "sell",
      ownerType: "plan",
      ownerId: planId,
      copyFromDeckId: source.id,
    });
    expect(copy.rateCount).toBe(2);
    expect(await versionRows(copy.id)).toEqual([
      expect.objectContaining({
        number: 1,
        change: "created",
        rateCount: 2,
        added: 2,
        rates: 2,
        note: `Copy of “${source.name}” (version 2)`,
      }),
    ]);
    expect(await rateLines(await currentVersionId(copy.id))).toEqual(await rateLines(await currentVersionId(source.id)));
  });

  it("renames a deck (audited), refusing a taken name", async () => {
    const { deck } = await newBuyDeck(root);
    const { deck: other } = await newBuyDeck(root);
    const name = unique("Renamed");
    expect((await root.admin.tariffs.decks.update({ id: deck.id, data: { name } })).name).toBe(name);
    const taken = await trpcError(root.admin.tariffs.decks.update({ id: deck.id, data: { name: other.name } }));
    expect(taken.code).toBe("CONFLICT");
    expect(blamedFields(taken)).toEqual(["name"]);
    expect(await auditActions(deck.id)).toEqual(["rate_deck.create", "rate_deck.rename"]);
  });

  it("deletes a deck no call was rated with, with its versions; refuses one that rated calls", async () => {
    const { deck } = await newBuyDeck(root, ["55;Brasil;0,10;;;;2026-01-01;"]);
    expect(await root.admin.tariffs.decks.usage({ id: deck.id })).toEqual({ inUse: false });
    expect(await root.admin.tariffs.decks.delete({ id: deck.id })).toEqual({ id: deck.id });
    expect(await ownerQuery(`SELECT 1 FROM "RateDeckVersion" WHERE "deckId" = $1`, [deck.id])).toEqual([]);
    expect(await auditActions(deck.id)).toContain("rate_deck.delete");

    // A sell deck whose rate priced a call of a company.
    const company = await insertCompany();
    const sell = await root.admin.tariffs.decks.create({
      name: unique("Used"),
      kind: "sell",
      ownerType: "tenant",
      ownerId: company.tenant.id,
    });
    await root.admin.tariffs.import({ deckId: sell.id, mode: "replace", csv: csvOf(["55;Brasil;0,10;;;;2026-01-01;"]) });
    const [rate] = await ownerQuery<{ id: string }>(`SELECT id FROM "Rate" WHERE "versionId" = $1`, [await currentVersionId(sell.id)]);
    const [call] = await ownerQuery<{ id: string }>(
      `INSERT INTO "Call" (id, "tenantId", "linkedId", direction, state, "toNumber", "startedAt", "endedAt", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'outbound', 'ended', '5511999990000', now(), now(), now()) RETURNING id`,
      [company.tenant.id, unique("linked")],
    );
    await ownerQuery(
      `INSERT INTO "CallCharge" (id, "tenantId", "callId", "callStartedAt", direction, number, status, "unratableReason", "answeredSec",
                                 "billedSecSell", "billedSecBuy", "priceMicros", "sellRateId")
       VALUES (gen_random_uuid(), $1, $2, now(), 'outbound', '5511999990000', 'unratable', 'no_buy_deck', 10, 10, 0, 1667, $3)`,
      [company.tenant.id, call!.id, rate!.id],
    );
    expect(await root.admin.tariffs.decks.usage({ id: sell.id })).toEqual({ inUse: true });
    const refused = await trpcError(root.admin.tariffs.decks.delete({ id: sell.id }));
    expect(refused.code).toBe("CONFLICT");
    expect(shown(refused)).toBe("Calls were rated with this deck: it cannot be deleted.");
    expect(await ownerQuery(`SELECT 1 FROM "RateDeck" WHERE id = $1`, [sell.id])).toHaveLength(1);
  });

  it("answers NOT_FOUND for a deck that does not exist", async () => {
    const id = missingId();
    const calls = [
      () => root.admin.tariffs.decks.get({ id }),
      () => root.admin.tariffs.decks.usage({ id }),
      () => root.admin.tariffs.decks.update({ id, data: { name: unique("x") } }),
      () => root.admin.tariffs.decks.delete({ id }),
      () => root.admin.tariffs.rates.list({ deckId: id }),
      () => root.admin.tariffs.versions.list({ deckId: id }),
      () => root.admin.tariffs.export({ deckId: id }),
      () => root.admin.tariffs.import({ deckId: id, mode: "replace", csv: csvOf(["55;Brasil;0,1;;;;2026-01-01;"]) }),
    ];
    for (const call of calls) expect((await trpcError(call())).code).toBe("NOT_FOUND");
  });

  it("pages decks by name", async () => {
    const tag = unique("page");
    for (let i = 0; i < 3; i++) {
      const provider = await insertProvider();
      await root.admin.tariffs.decks.create({ name: `${tag} ${i}`, kind: "buy", ownerType: "provider", ownerId: provider.id });
    }
    const first = await root.admin.tariffs.decks.list({ search: tag, limit: 2 });
    expect(first.items.map((d) => d.name)).toEqual([`${tag} 0`, `${tag} 1`]);
    expect(first.total).toBe(3);
    const second = await root.admin.tariffs.decks.list({ search: tag, limit: 2, cursor: first.nextCursor });
    expect(second.items.map((d) => d.name)).toEqual([`${tag} 2`]);
    expect(second.nextCursor).toBeNull();
  });
});
