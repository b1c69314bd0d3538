import { randomUUID } from "node:crypto";
import { ownerQuery } from "@/server/testing/owner-db";
import { insertPlan, insertTenant } from "@/server/services/plans/throwaway-tenant.fixture";
import { rootCaller, unique, type Caller } from "@/server/routers/admin/inventory/inventory-test-kit";

// Arrangements for the tariffs tests. Decks are one per owner and test files run at the same time
// on one database, so every test makes the providers, gateways, plans and tenants it owns decks of.

export { rootCaller, unique, type Caller };

export const CSV_HEADER = "prefix;description;price_per_minute;connection_fee;min_seconds;increment_seconds;effective_from;effective_to";

export function csvOf(lines: string[]): string {
  return [CSV_HEADER, ...lines].join("\r\n");
}

export async function insertProvider(): Promise<{ id: string; name: string }> {
  const name = unique("Tariffs provider");
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Provider" (id, name, "updatedAt") VALUES (gen_random_uuid(), $1, now()) RETURNING id`,
    [name],
  );
  return { id: row!.id, name };
}

export async function insertGateway(providerId: string): Promise<{ id: string; name: string }> {
  const name = unique("tgw");
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Gateway" (id, "providerId", name, host, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now()) RETURNING id`,
    // A host of its own: two carrier gateways at one address make every node's config refuse to render.
    [providerId, name, `${name.toLowerCase()}.gw.example`],
  );
  return { id: row!.id, name };
}

/** A company on a plan of its own (with route overrides, so a test can route its calls). */
export async function insertCompany(): Promise<{ planId: string; tenant: { id: string; slug: string; name: string } }> {
  const plan = await insertPlan({ features: ["route_overrides"] });
  return { planId: plan.id, tenant: await insertTenant(plan.id) };
}

export async function newBuyDeck(root: Caller, rates: string[] = []) {
  const provider = await insertProvider();
  const deck = await root.admin.tariffs.decks.create({
    name: unique("Buy deck"),
    kind: "buy",
    ownerType: "provider",
    ownerId: provider.id,
  });
  if (rates.length > 0) await root.admin.tariffs.import({ deckId: deck.id, mode: "replace", csv: csvOf(rates) });
  return { provider, deck };
}

export async function newSellDeck(root: Caller, rates: string[] = []) {
  const company = await insertCompany();
  const deck = await root.admin.tariffs.decks.create({
    name: unique("Sell deck"),
    kind: "sell",
    ownerType: "plan",
    ownerId: company.planId,
  });
  if (rates.length > 0) await root.admin.tariffs.import({ deckId: deck.id, mode: "replace", csv: csvOf(rates) });
  return { ...company, deck };
}

export const missingId = () => randomUUID();

/** The deck's versions straight from the table: number, change, counts, rates. */
export async function versionRows(deckId: string) {
  return ownerQuery<{
    number: number;
    change: string;
    rateCount: number;
    added: number;
    changed: number;
    removed: number;
    rates: number;
    note: string | null;
  }>(
    `SELECT v.number, v.change::text, v."rateCount", v.added, v.changed, v.removed, v.note,
            (SELECT count(*)::int FROM "Rate" r WHERE r."versionId" = v.id) AS rates
     FROM "RateDeckVersion" v WHERE v."deckId" = $1 ORDER BY v.number`,
    [deckId],
  );
}

/** A version's rates as "prefix description price fee min/inc from→to" lines, in prefix order. */
export async function rateLines(versionId: string): Promise<string[]> {
  const rows = await ownerQuery<{ line: string }>(
    `SELECT prefix || ' ' || description || ' ' || "pricePerMinuteMicros" || ' ' || "connectionFeeMicros" || ' ' || "minSeconds" || '/' || "incrementSeconds"
            || ' ' || to_char("effectiveFrom" AT TIME ZONE 'America/Sao_Paulo', 'YYYY-MM-DD HH24:MI') || '→'
            || coalesce(to_char("effectiveTo" AT TIME ZONE 'America/Sao_Paulo', 'YYYY-MM-DD HH24:MI'), '∞') AS line
     FROM "Rate" WHERE "versionId" = $1 ORDER BY prefix, "effectiveFrom"`,
    [versionId],
  );
  return rows.map((r) => r.line);
}

export async function currentVersionId(deckId: string): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(`SELECT "currentVersionId" AS id FROM "RateDeck" WHERE id = $1`, [deckId]);
  return row!.id;
}

/** Audit entries for one object, oldest first. */
export async function auditActions(objectId: string): Promise<string[]> {
  const rows = await ownerQuery<{ action: string }>(`SELECT action FROM "AuditLog" WHERE "objectId" = $1 ORDER BY "createdAt", id`, [
    objectId,
  ]);
  return rows.map((r) => r.action);
}
