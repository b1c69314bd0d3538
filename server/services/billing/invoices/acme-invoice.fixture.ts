import type { RateRow } from "@/server/services/billing/rating/rate-call";

// acme's invoice for February 2096, computed by hand. A leap month (29 days) no other test file
// touches and that starts after the demo seed creates acme (so the plan is billed for the whole
// month). São Paulo is UTC−3, so local midnight is 03:00Z.
//
// Inputs the test relies on from the demo seed (prisma/seed.ts, prisma/seed-data/telephony-network.ts),
// checked before the run:
//   - acme is on plan "Pro" at R$ 599,00 a month;
//   - acme holds its seeded numbers from before 2096 with no end: +55 11 3000-0001…4 at R$ 25,00
//     a month and the toll-free +55 800 777 0001 at R$ 59,90 (ACME_SEED_DIDS).
// Everything else (calls, their charges, two numbers held during the month, taxes) is written here.

export const ACME_MONTH = "2096-02";
export const ACME_MONTH_DAYS = 29;
export const ACME_PLAN = { name: "Pro", monthlyPrice: "599.00" };

const sp = (local: string) => new Date(`${local}-03:00`);
const FROM = sp("2090-01-01T00:00:00").getTime();

const rate = (id: string, prefix: string, description: string, price: bigint, fee: bigint, min: number, inc: number): RateRow => ({
  id,
  prefix,
  description,
  pricePerMinuteMicros: price,
  connectionFeeMicros: fee,
  minSeconds: min,
  incrementSeconds: inc,
  effectiveFrom: FROM,
  effectiveTo: null,
});

/** What acme pays (sell side). Prices in micro-reais a minute: 85,000 = R$ 0,085/min. */
export const SELL_RATES: RateRow[] = [
  rate("0190a6f0-0000-7000-8000-00000000a001", "55113", "Brasil Fixo SP", 85_000n, 0n, 30, 6),
  rate("0190a6f0-0000-7000-8000-00000000a002", "55119", "Brasil Móvel SP", 350_000n, 0n, 60, 60),
  rate("0190a6f0-0000-7000-8000-00000000a003", "55219", "Brasil Móvel RJ", 420_000n, 50_000n, 30, 6),
  rate("0190a6f0-0000-7000-8000-00000000a004", "1", "EUA e Canadá", 123_457n, 0n, 1, 1),
];

/** What the carrier charges (buy side): the cost is on the charges, never on the invoice. */
export const BUY_RATES: RateRow[] = [
  rate("0190a6f0-0000-7000-8000-00000000b001", "55", "Brasil", 40_000n, 0n, 30, 6),
  rate("0190a6f0-0000-7000-8000-00000000b002", "1", "NANP", 30_000n, 0n, 1, 1),
];

export type AcmeCall = {
  label: string;
  startedAt: Date;
  number: string;
  direction?: "outbound" | "internal";
  /** Talk time, seconds; 0 = unanswered. */
  billsec: number;
  /** The sell side by hand: billed seconds and price (null: not in February, or never rated). */
  billedSecSell: number | null;
  priceMicros: bigint | null;
};

// Price of a call = connection fee + billed seconds × price a minute / 60, rounded half up to the
// micro-real (server/services/billing/rating/rate-call.ts). Billed seconds: 0 when unanswered, else
// at least the minimum, rounded up to the increment.
export const ACME_CALLS: AcmeCall[] = [
  // Brasil Fixo SP, 30/6 at R$ 0,085/min: 6 s cost 8,500 µBRL.
  // 7 s → the 30 s minimum → 30 × 85,000 / 60 = 42,500 µBRL. First instant of the month: included.
  { label: "c1", startedAt: sp("2096-02-01T00:00:00"), number: "551130001111", billsec: 7, billedSecSell: 30, priceMicros: 42_500n },
  // 31 s → one second over 30 → 36 s → 36 × 85,000 / 60 = 51,000
  { label: "c2", startedAt: sp("2096-02-05T10:00:00"), number: "551130001112", billsec: 31, billedSecSell: 36, priceMicros: 51_000n },
  // 114 s → 114 (a multiple of 6) → 114 × 85,000 / 60 = 161,500. Ten seconds before March: included.
  { label: "c3", startedAt: sp("2096-02-29T23:59:50"), number: "551130001113", billsec: 114, billedSecSell: 114, priceMicros: 161_500n },
  // Unanswered: 0 s, R$ 0. Not counted among the destination's calls.
  { label: "c4", startedAt: sp("2096-02-07T11:00:00"), number: "551130001114", billsec: 0, billedSecSell: 0, priceMicros: 0n },
  // Brasil Móvel SP, 60/60 at R$ 0,35/min: each started minute costs 350,000.
  // 1 s → 60 s → 350,000
  { label: "c5", startedAt: sp("2096-02-08T09:00:00"), number: "5511987650001", billsec: 1, billedSecSell: 60, priceMicros: 350_000n },
  // 61 s → 120 s → 700,000
  { label: "c6", startedAt: sp("2096-02-09T09:00:00"), number: "5511987650002", billsec: 61, billedSecSell: 120, priceMicros: 700_000n },
  // 60 s, exactly the minimum → 60 s → 350,000
  { label: "c7", startedAt: sp("2096-02-10T09:00:00"), number: "5511987650003", billsec: 60, billedSecSell: 60, priceMicros: 350_000n },
  // Brasil Móvel RJ, 30/6 at R$ 0,42/min plus a R$ 0,05 connection fee (50,000).
  // 45 s → 48 s → 48 × 420,000 / 60 = 336,000 + 50,000 = 386,000
  { label: "c8", startedAt: sp("2096-02-11T15:00:00"), number: "5521987650004", billsec: 45, billedSecSell: 48, priceMicros: 386_000n },
  // 300 s → 300 s → 2,100,000 + 50,000 = 2,150,000
  { label: "c9", startedAt: sp("2096-02-12T15:00:00"), number: "5521987650005", billsec: 300, billedSecSell: 300, priceMicros: 2_150_000n },
  // EUA e Canadá, 1/1 at R$ 0,123457/min: per second, rounded half up to the micro-real.
  // 7 s → 7 × 123,457 / 60 = 14,403.32 → 14,403
  { label: "c10", startedAt: sp("2096-02-13T20:00:00"), number: "14155550100", billsec: 7, billedSecSell: 7, priceMicros: 14_403n },
  // 100 s → 100 × 123,457 / 60 = 205,761.67 → 205,762
  { label: "c11", startedAt: sp("2096-02-14T20:00:00"), number: "14155550101", billsec: 100, billedSecSell: 100, priceMicros: 205_762n },
  // Outside February in São Paulo (January's last second, March's first): rated, not on this invoice.
  { label: "c12", startedAt: sp("2096-01-31T23:59:59"), number: "5511987650006", billsec: 60, billedSecSell: 60, priceMicros: 350_000n },
  { label: "c13", startedAt: sp("2096-03-01T00:00:00"), number: "551130001115", billsec: 60, billedSecSell: 60, priceMicros: 85_000n },
  // Internal: never rated, and not an "unrated" call either.
  {
    label: "c14",
    startedAt: sp("2096-02-15T10:00:00"),
    number: "1002",
    direction: "internal",
    billsec: 90,
    billedSecSell: null,
    priceMicros: null,
  },
];

/** Two numbers acme held during the month (written as DidAllocation rows). */
export const ACME_DIDS = [
  // 10 Feb 14:00 → 20 Feb 09:00: any part of a day counts it → 10th to 20th = 11 days.
  { number: "+551120960229", monthlyPrice: "29.90", periods: [{ fromAt: sp("2096-02-10T14:00:00"), toAt: sp("2096-02-20T09:00:00") }] },
  // Held since January, released in March: the whole month.
  { number: "+551120960230", monthlyPrice: "45.00", periods: [{ fromAt: sp("2096-01-15T10:00:00"), toAt: sp("2096-03-10T10:00:00") }] },
];

/** acme's numbers from the demo seed, held all month (allocated in 2026, never released). */
export const ACME_SEED_DIDS = [
  { number: "+551130000001", monthlyPrice: "25.00" },
  { number: "+551130000002", monthlyPrice: "25.00" },
  { number: "+551130000003", monthlyPrice: "25.00" },
  { number: "+551130000004", monthlyPrice: "25.00" },
  { number: "+558007770001", monthlyPrice: "59.90" },
];

export const ACME_TAXES = [
  { name: "ISS", basisPoints: 500, position: 1 },
  { name: "PIS/COFINS", basisPoints: 365, position: 2 },
];

export const ACME_EXPECTED_LINES = [
  // Plan Pro, a customer all month: 29 of 29 days → R$ 599,00 exactly.
  { position: 1, kind: "plan", description: "Pro", quantity: 29, billedSeconds: null, basisPoints: null, amountCents: 59_900n },
  // Numbers, by E.164 number. R$ 29,90 × 11 / 29 = 2,990 × 11 / 29 = 32,890 / 29 = 1,134.14 → R$ 11,34
  { position: 2, kind: "did", description: "(11) 2096-0229", quantity: 11, billedSeconds: null, basisPoints: null, amountCents: 1_134n },
  // R$ 45,00, whole month
  { position: 3, kind: "did", description: "(11) 2096-0230", quantity: 29, billedSeconds: null, basisPoints: null, amountCents: 4_500n },
  // The seed's four at R$ 25,00 and the toll-free line at R$ 59,90, whole month each.
  { position: 4, kind: "did", description: "(11) 3000-0001", quantity: 29, billedSeconds: null, basisPoints: null, amountCents: 2_500n },
  { position: 5, kind: "did", description: "(11) 3000-0002", quantity: 29, billedSeconds: null, basisPoints: null, amountCents: 2_500n },
  { position: 6, kind: "did", description: "(11) 3000-0003", quantity: 29, billedSeconds: null, basisPoints: null, amountCents: 2_500n },
  { position: 7, kind: "did", description: "(11) 3000-0004", quantity: 29, billedSeconds: null, basisPoints: null, amountCents: 2_500n },
  { position: 8, kind: "did", description: "0800 777 0001", quantity: 29, billedSeconds: null, basisPoints: null, amountCents: 5_990n },
  // Usage, by destination. c1–c4: 42,500 + 51,000 + 161,500 + 0 = 255,000 µBRL = 25.5 centavos → 26
  // (half away from zero); 3 calls that billed (c4 did not), 30 + 36 + 114 = 180 s
  { position: 9, kind: "usage", description: "Brasil Fixo SP", quantity: 3, billedSeconds: 180n, basisPoints: null, amountCents: 26n },
  // c8–c9: 386,000 + 2,150,000 = 2,536,000 µBRL = 253.6 centavos → 254; 48 + 300 = 348 s
  { position: 10, kind: "usage", description: "Brasil Móvel RJ", quantity: 2, billedSeconds: 348n, basisPoints: null, amountCents: 254n },
  // c5–c7: 350,000 + 700,000 + 350,000 = 1,400,000 µBRL = 140 centavos; 60 + 120 + 60 = 240 s
  { position: 11, kind: "usage", description: "Brasil Móvel SP", quantity: 3, billedSeconds: 240n, basisPoints: null, amountCents: 140n },
  // c10–c11: 14,403 + 205,762 = 220,165 µBRL = 22.0165 centavos → 22; 7 + 100 = 107 s
  { position: 12, kind: "usage", description: "EUA e Canadá", quantity: 2, billedSeconds: 107n, basisPoints: null, amountCents: 22n },
  // Subtotal: plan 59,900 + numbers (1,134 + 4,500 + 4 × 2,500 + 5,990 = 21,624) + usage (26 + 254 + 140 + 22 = 442)
  //         = 59,900 + 21,624 + 442 = 81,966 (R$ 819,66)
  // ISS 5 %: 81,966 × 500 / 10,000 = 4,098.3 → 4,098
  { position: 13, kind: "tax", description: "ISS", quantity: null, billedSeconds: null, basisPoints: 500, amountCents: 4_098n },
  // PIS/COFINS 3,65 %: 81,966 × 365 / 10,000 = 2,991.759 → 2,992
  { position: 14, kind: "tax", description: "PIS/COFINS", quantity: null, billedSeconds: null, basisPoints: 365, amountCents: 2_992n },
] as const;

// Taxes: 4,098 + 2,992 = 7,090; total: 81,966 + 7,090 = 89,056 (R$ 890,56).
export const ACME_EXPECTED_TOTALS = { subtotalCents: 81_966n, taxCents: 7_090n, totalCents: 89_056n };
