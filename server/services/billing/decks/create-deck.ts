import type { z } from "zod";
import { tariffsError, type DeckCreateInput, type DeckDetail } from "@/lib/schemas/billing-tariffs";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import type { AuditEntry } from "@/server/services/audit/record-audit";
import { deckNameTaken, ownerHasDeck, uniqueTarget } from "./deck-errors";
import { resolveOwner, ownerDeckWhere } from "./deck-owners";
import { copyRates, finishVersion, lockDeck, startVersion } from "./deck-version";
import { getDeck } from "./list-decks";

type CreateData = z.output<typeof DeckCreateInput>;
export type Audit = (entry: AuditEntry) => Promise<void>;
export type Actor = { userId: string };

export async function assertDeckNameFree(db: TenantDb, name: string, exceptId?: string): Promise<void> {
  // Case-insensitively: "Vivo" and "VIVO" would be told apart by nobody. The unique index
  // (case-sensitive) still settles two saves at once.
  const clash = await db.rateDeck.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw deckNameTaken();
}

/**
 * A new deck with its first version ("created"): empty, or a copy of another deck's current
 * rates (a tenant's own deck usually starts from its plan's). One deck per owner.
 */
export async function createDeck(
  db: TenantDb,
  data: CreateData,
  copyNote: (source: { name: string; version: number }) => string,
  actor: Actor,
  audit: Audit,
): Promise<DeckDetail> {
  const owner = await resolveOwner(db, data.ownerType, data.ownerId);
  const existing = await db.rateDeck.findFirst({ where: ownerDeckWhere(owner.type, owner.id), select: { name: true } });
  if (existing) throw ownerHasDeck(existing.name);
  await assertDeckNameFree(db, data.name);
  const source = data.copyFromDeckId
    ? await db.rateDeck.findUnique({
        where: { id: data.copyFromDeckId },
        select: { id: true, name: true, currentVersion: { select: { id: true, number: true } } },
      })
    : null;
  if (data.copyFromDeckId && !source) {
    throw new AppError("NOT_FOUND", tariffsError("source_not_found"), {
      fieldErrors: { copyFromDeckId: [tariffsError("source_not_found")] },
    });
  }

  let deckId: string;
  try {
    ({ id: deckId } = await db.rateDeck.create({ data: { name: data.name, kind: data.kind, ...owner.columns }, select: { id: true } }));
  } catch (error) {
    const target = uniqueTarget(error);
    if (target === "name") throw deckNameTaken();
    if (target === "owner") throw ownerHasDeck(data.name);
    throw error;
  }
  const deck = await lockDeck(db, deckId);
  const from = source?.currentVersion ?? null;
  const version = await startVersion(
    db,
    deck,
    "created",
    from ? copyNote({ name: source!.name, version: from.number }) : null,
    actor.userId,
  );
  if (from) await copyRates(db, from.id, version.id);
  const view = await finishVersion(db, deck, version);

  await audit({
    action: "rate_deck.create",
    objectType: "rate_deck",
    objectId: deckId,
    after: {
      name: data.name,
      kind: data.kind,
      owner: { type: owner.type, id: owner.id, name: owner.name },
      copiedFrom: source ? { id: source.id, name: source.name, version: from?.number ?? null } : null,
      rates: view.rateCount,
    },
  });
  return getDeck(db, deckId);
}
