import { tariffsError, type RateFieldsOutput, type VersionChangeResult } from "@/lib/schemas/billing-tariffs";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Actor, Audit } from "./create-deck";
import { isOverlapViolation, rateNotFound } from "./deck-errors";
import { copyRates, finishVersion, insertRates, lockDeck, startVersion, type LockedDeck, type NewRate } from "./deck-version";
import { assertNoOverlap, overlapError, rateSelect, sameRate, toNewRate, viewToNewRate } from "./rate-row";

// Adding, editing or deleting one rate makes a new version of the deck: the current version's
// rates are copied over (INSERT … SELECT) less the one replaced, then the new one is written.

type Target = { deck: LockedDeck; id: string; rate: NewRate };

const rateChanged = () => new AppError("CONFLICT", tariffsError("rate_changed"));

/**
 * The current version's row for the rate the operator opened. Every version has its own rate rows,
 * so a page opened before someone else's change holds ids of an older version: the same prefix and
 * start, unchanged since, is still the rate meant; anything else was changed meanwhile.
 */
async function currentTarget(db: TenantDb, rateId: string): Promise<Target> {
  const opened = await db.rate.findUnique({
    where: { id: rateId },
    select: { ...rateSelect, versionId: true, version: { select: { deckId: true } } },
  });
  if (!opened) throw rateNotFound();
  const deck = await lockDeck(db, opened.version.deckId);
  const rate = viewToNewRate(opened);
  if (opened.versionId === deck.currentVersionId) return { deck, id: opened.id, rate };
  if (!deck.currentVersionId) throw rateChanged();
  const now = await db.rate.findFirst({
    where: { versionId: deck.currentVersionId, prefix: opened.prefix, effectiveFrom: opened.effectiveFrom },
    select: rateSelect,
  });
  if (!now || !sameRate(viewToNewRate(now), rate)) throw rateChanged();
  return { deck, id: now.id, rate };
}

/** Builds the next version: the current rates less `except`, plus `add`. */
async function nextVersion(db: TenantDb, deck: LockedDeck, except: string[], add: NewRate[], note: string | null, actor: Actor) {
  const previous = deck.currentVersionId;
  const version = await startVersion(db, deck, "edited", note, actor.userId);
  if (previous) await copyRates(db, previous, version.id, except);
  try {
    await insertRates(db, version.id, add);
  } catch (error) {
    // Checked before; a concurrent change can only reach here through the deck lock, so this is
    // the constraint speaking for a case the check missed.
    if (isOverlapViolation(error)) throw overlapError(tariffsError("overlap_unknown"));
    throw error;
  }
  return finishVersion(db, deck, version);
}

const auditRate = (rate: NewRate) => ({
  prefix: rate.prefix,
  description: rate.description,
  pricePerMinuteMicros: rate.pricePerMinuteMicros.toString(),
  connectionFeeMicros: rate.connectionFeeMicros.toString(),
  billing: `${rate.minSeconds}/${rate.incrementSeconds}`,
  effectiveFrom: new Date(rate.effectiveFrom).toISOString(),
  effectiveTo: rate.effectiveTo === null ? null : new Date(rate.effectiveTo).toISOString(),
});

export async function addRate(
  db: TenantDb,
  deckId: string,
  data: RateFieldsOutput,
  note: string | null,
  actor: Actor,
  audit: Audit,
): Promise<VersionChangeResult> {
  const deck = await lockDeck(db, deckId);
  const rate = toNewRate(data);
  await assertNoOverlap(db, deck.currentVersionId, rate, []);
  const version = await nextVersion(db, deck, [], [rate], note, actor);
  await audit({
    action: "rate_deck.rate_add",
    objectType: "rate_deck",
    objectId: deckId,
    after: { version: version.number, rate: auditRate(rate) },
  });
  return { deckId, version };
}

export async function updateRate(
  db: TenantDb,
  rateId: string,
  data: RateFieldsOutput,
  note: string | null,
  actor: Actor,
  audit: Audit,
): Promise<VersionChangeResult> {
  const target = await currentTarget(db, rateId);
  const rate = toNewRate(data);
  if (sameRate(rate, target.rate)) throw new AppError("INVALID_INPUT", tariffsError("nothing_changed"));
  await assertNoOverlap(db, target.deck.currentVersionId, rate, [target.id]);
  const version = await nextVersion(db, target.deck, [target.id], [rate], note, actor);
  await audit({
    action: "rate_deck.rate_update",
    objectType: "rate_deck",
    objectId: target.deck.id,
    before: { rate: auditRate(target.rate) },
    after: { version: version.number, rate: auditRate(rate) },
  });
  return { deckId: target.deck.id, version };
}

export async function deleteRate(
  db: TenantDb,
  rateId: string,
  note: string | null,
  actor: Actor,
  audit: Audit,
): Promise<VersionChangeResult> {
  const target = await currentTarget(db, rateId);
  const version = await nextVersion(db, target.deck, [target.id], [], note, actor);
  await audit({
    action: "rate_deck.rate_delete",
    objectType: "rate_deck",
    objectId: target.deck.id,
    before: { rate: auditRate(target.rate) },
    after: { version: version.number },
  });
  return { deckId: target.deck.id, version };
}
