import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { tariffsError } from "@/lib/schemas/billing-tariffs";
import { deckNotFound } from "./deck-errors";
import { resolveVersionId } from "./list-rates";
import { ratesCsv } from "./rates-csv";

/** "Vivo Empresas — compra" → "vivo-empresas-compra". */
function fileSlug(name: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return slug || "tarifas";
}

/** One version of a deck (the current one by default) as the CSV the import reads back. */
export async function exportRates(db: TenantDb, deckId: string, versionId?: string | null) {
  const deck = await db.rateDeck.findUnique({ where: { id: deckId }, select: { name: true } });
  if (!deck) throw deckNotFound();
  const resolved = await resolveVersionId(db, deckId, versionId);
  if (!resolved.versionId) throw new AppError("NOT_FOUND", tariffsError("no_version"));
  const version = await db.rateDeckVersion.findUniqueOrThrow({ where: { id: resolved.versionId }, select: { number: true } });
  const rows = await db.$queryRaw<
    Array<{
      prefix: string;
      description: string;
      pricePerMinuteMicros: bigint;
      connectionFeeMicros: bigint;
      minSeconds: number;
      incrementSeconds: number;
      effectiveFrom: Date;
      effectiveTo: Date | null;
    }>
  >`
    SELECT prefix, description, "pricePerMinuteMicros", "connectionFeeMicros", "minSeconds", "incrementSeconds", "effectiveFrom", "effectiveTo"
    FROM "Rate" WHERE "versionId" = ${resolved.versionId}::uuid ORDER BY prefix, "effectiveFrom"`;
  const csv = ratesCsv(
    rows.map((r) => ({ ...r, effectiveFrom: r.effectiveFrom.getTime(), effectiveTo: r.effectiveTo ? r.effectiveTo.getTime() : null })),
  );
  return { fileName: `${fileSlug(deck.name)}-v${version.number}.csv`, csv, rows: rows.length };
}
