import type { Prisma } from "../generated/client";
import { parseRateMicros } from "../../lib/billing/micros";

// Demo rate decks, as a small Brazilian operator prices calls: what Vivo and Algar charge (buy,
// per provider) and what each plan pays (sell), by destination — local landline in São Paulo,
// national landline, mobile by DDD, toll-free, and the international destinations a sales team
// calls. Sell is above buy everywhere; Brazilian rates bill 30/6, wholesale per second (1/1),
// international 60/60. Two rates change price at the start of next month (a future period), so
// rating by call start and the simulator's dates have something to show.
// Platform-level: run it as the console's role (linha_admin), after seedTelephonyNetwork.

/** DDDs in use in Brazil (ANATEL): each one gets its own mobile prefix, 55 + DDD + 9. */
const DDDS = [
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38, 41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 53, 54, 55,
  61, 62, 63, 64, 65, 66, 67, 68, 69, 71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85, 86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99,
];

type Increment = "30/6" | "60/60" | "1/1";

/** Per-minute prices in reais as written in a price list, in deck order: Vivo, Algar | starter, pro, enterprise. */
type Destination = {
  prefix: string;
  description: string;
  buy: [vivo: string, algar: string];
  sell: [starter: string, pro: string, enterprise: string];
  /** Connection fee of the sell side, reais. */
  fee?: string;
  /** From the first day of next month (São Paulo), every price of the destination drops by this share. */
  nextMonthCut?: number;
  kind: "national" | "international" | "free";
};

const DESTINATIONS: Destination[] = [
  { prefix: "55", description: "Brasil Fixo DDD", buy: ["0,045", "0,040"], sell: ["0,15", "0,12", "0,09"], kind: "national" },
  {
    prefix: "5511",
    description: "Brasil Fixo Local SP",
    buy: ["0,035", "0,030"],
    sell: ["0,12", "0,09", "0,07"],
    nextMonthCut: 0.1,
    kind: "national",
  },
  {
    prefix: "55119",
    description: "Brasil Móvel SP",
    buy: ["0,080", "0,075"],
    sell: ["0,39", "0,29", "0,22"],
    nextMonthCut: 0.1,
    kind: "national",
  },
  ...DDDS.filter((ddd) => ddd !== 11).map((ddd): Destination => ({
    prefix: `55${ddd}9`,
    description: "Brasil Móvel",
    buy: ["0,095", "0,085"],
    sell: ["0,45", "0,35", "0,27"],
    kind: "national",
  })),
  { prefix: "55800", description: "Brasil 0800 (gratuito)", buy: ["0", "0"], sell: ["0", "0", "0"], kind: "free" },
  { prefix: "1", description: "EUA e Canadá", buy: ["0,040", "0,025"], sell: ["0,19", "0,15", "0,12"], kind: "international" },
  { prefix: "34", description: "Espanha", buy: ["0,070", "0,050"], sell: ["0,39", "0,29", "0,22"], kind: "international" },
  { prefix: "44", description: "Reino Unido", buy: ["0,060", "0,045"], sell: ["0,39", "0,29", "0,22"], kind: "international" },
  { prefix: "54", description: "Argentina", buy: ["0,12", "0,09"], sell: ["0,59", "0,49", "0,39"], kind: "international" },
  {
    prefix: "549",
    description: "Argentina Móvel",
    buy: ["0,30", "0,25"],
    sell: ["1,19", "0,99", "0,79"],
    fee: "0,10",
    kind: "international",
  },
  { prefix: "56", description: "Chile", buy: ["0,15", "0,12"], sell: ["0,69", "0,55", "0,45"], kind: "international" },
  { prefix: "351", description: "Portugal", buy: ["0,090", "0,070"], sell: ["0,49", "0,39", "0,29"], kind: "international" },
  {
    prefix: "3519",
    description: "Portugal Móvel",
    buy: ["0,25", "0,20"],
    sell: ["0,99", "0,79", "0,59"],
    fee: "0,10",
    kind: "international",
  },
  { prefix: "595", description: "Paraguai", buy: ["0,18", "0,14"], sell: ["0,75", "0,59", "0,49"], kind: "international" },
  { prefix: "598", description: "Uruguai", buy: ["0,20", "0,16"], sell: ["0,79", "0,65", "0,52"], kind: "international" },
];

type DeckSpec = {
  name: string;
  kind: "buy" | "sell";
  /** Provider name (buy) or plan code (sell). */
  owner: string;
  column: number;
  increments: Record<Destination["kind"], Increment>;
};

const DECKS: DeckSpec[] = [
  {
    name: "Compra Vivo Empresas",
    kind: "buy",
    owner: "Vivo Empresas",
    column: 0,
    increments: { national: "30/6", international: "60/60", free: "1/1" },
  },
  {
    name: "Compra Algar Wholesale",
    kind: "buy",
    owner: "Algar Wholesale",
    column: 1,
    increments: { national: "1/1", international: "1/1", free: "1/1" },
  },
  {
    name: "Venda Starter",
    kind: "sell",
    owner: "starter",
    column: 0,
    increments: { national: "30/6", international: "60/60", free: "1/1" },
  },
  { name: "Venda Pro", kind: "sell", owner: "pro", column: 1, increments: { national: "30/6", international: "60/60", free: "1/1" } },
  {
    name: "Venda Enterprise",
    kind: "sell",
    owner: "enterprise",
    column: 2,
    increments: { national: "30/6", international: "60/60", free: "1/1" },
  },
];

/** Rates apply to calls from this instant on (long before any demo call). */
const SINCE = new Date("2024-01-01T00:00:00-03:00");

function micros(reais: string): bigint {
  const value = parseRateMicros(reais);
  if (value === null) throw new Error(`bad demo price "${reais}"`);
  return value;
}

/** A price lowered by `cut`, rounded to a tenth of a centavo as a price list would print it. */
function cutPrice(price: bigint, cut: number): bigint {
  const lowered = (price * BigInt(Math.round((1 - cut) * 10_000))) / 10_000n;
  return ((lowered + 500n) / 1_000n) * 1_000n;
}

export type SeedRateDecksResult = { decks: number; rates: number };

/**
 * Idempotent: a deck that exists (by name, or its owner already has one) is left as it is, so an
 * operator's edits survive a restart. Owners that do not exist (a plan renamed) are skipped.
 */
export async function seedRateDecks(tx: Prisma.TransactionClient): Promise<SeedRateDecksResult> {
  const [{ nextMonth }] = await tx.$queryRaw<[{ nextMonth: Date }]>`
    SELECT ((date_trunc('month', now() AT TIME ZONE 'America/Sao_Paulo') + interval '1 month') AT TIME ZONE 'America/Sao_Paulo') AS "nextMonth"`;
  let decks = 0;
  let rates = 0;
  for (const spec of DECKS) {
    const owner =
      spec.kind === "buy"
        ? await tx.provider.findUnique({ where: { name: spec.owner }, select: { id: true } })
        : await tx.plan.findUnique({ where: { code: spec.owner }, select: { id: true } });
    if (!owner) continue;
    const ownerWhere = spec.kind === "buy" ? { providerId: owner.id, gatewayId: null } : { planId: owner.id };
    if (await tx.rateDeck.findFirst({ where: { OR: [{ name: spec.name }, ownerWhere] }, select: { id: true } })) continue;

    const deck = await tx.rateDeck.create({
      data: { name: spec.name, kind: spec.kind, ...(spec.kind === "buy" ? { providerId: owner.id } : { planId: owner.id }) },
      select: { id: true },
    });
    const rows: Array<Omit<Prisma.RateCreateManyInput, "versionId">> = [];
    for (const destination of DESTINATIONS) {
      const price = micros(spec.kind === "buy" ? destination.buy[spec.column]! : destination.sell[spec.column]!);
      const [minSeconds, incrementSeconds] = spec.increments[destination.kind].split("/").map(Number) as [number, number];
      const base = {
        prefix: destination.prefix,
        description: destination.description,
        connectionFeeMicros: spec.kind === "sell" && destination.fee ? micros(destination.fee) : 0n,
        minSeconds,
        incrementSeconds,
      };
      if (destination.nextMonthCut) {
        rows.push({ ...base, pricePerMinuteMicros: price, effectiveFrom: SINCE, effectiveTo: nextMonth });
        rows.push({
          ...base,
          pricePerMinuteMicros: cutPrice(price, destination.nextMonthCut),
          effectiveFrom: nextMonth,
          effectiveTo: null,
        });
      } else {
        rows.push({ ...base, pricePerMinuteMicros: price, effectiveFrom: SINCE, effectiveTo: null });
      }
    }
    const version = await tx.rateDeckVersion.create({
      data: { deckId: deck.id, number: 1, change: "created", note: "Tabela de demonstração", rateCount: rows.length, added: rows.length },
      select: { id: true },
    });
    await tx.rate.createMany({ data: rows.map((row) => ({ ...row, versionId: version.id })) });
    await tx.rateDeck.update({ where: { id: deck.id }, data: { currentVersionId: version.id } });
    decks += 1;
    rates += rows.length;
  }
  return { decks, rates };
}
