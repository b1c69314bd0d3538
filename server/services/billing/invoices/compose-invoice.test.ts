import { describe, expect, it } from "vitest";
import { composeInvoice, heldDays, planDays, proRataCents, taxCents, type ComposeInvoiceInput } from "./compose-invoice";

// São Paulo is UTC−3 in these years: 03:00Z is local midnight.
const sp = (local: string) => new Date(`${local}-03:00`);

const base: ComposeInvoiceInput = {
  month: "2024-02",
  tenantCreatedAt: sp("2023-05-10T09:00:00"),
  plan: { name: "Pro", monthlyPriceCents: 59_900n },
  dids: [],
  usage: [],
  taxes: [],
};

describe("proRataCents", () => {
  it("bills a full month exactly and part of one by days, half up", () => {
    expect(proRataCents(59_900n, 29, 29)).toBe(59_900n);
    // 2,990 × 11 / 29 = 1,134.14 → 1,134
    expect(proRataCents(2_990n, 11, 29)).toBe(1_134n);
    // 100 × 1 / 8 = 12.5 → 13 (half up); 100 × 3 / 8 = 37.5 → 38
    expect(proRataCents(100n, 1, 8)).toBe(13n);
    expect(proRataCents(100n, 3, 8)).toBe(38n);
    expect(proRataCents(100n, 0, 30)).toBe(0n);
  });
});

describe("taxCents", () => {
  it("is the subtotal × basis points / 10,000, half up to the centavo", () => {
    expect(taxCents(10_000n, 500)).toBe(500n);
    // 12,345 × 365 / 10,000 = 450.59 → 451
    expect(taxCents(12_345n, 365)).toBe(451n);
    // 10 × 500 / 10,000 = 0.5 → 1; 9 × 500 / 10,000 = 0.45 → 0
    expect(taxCents(10n, 500)).toBe(1n);
    expect(taxCents(9n, 500)).toBe(0n);
    expect(taxCents(0n, 500)).toBe(0n);
    expect(taxCents(99_999_999_999n, 10_000)).toBe(99_999_999_999n);
  });
});

describe("planDays", () => {
  it("is the whole month for an older tenant, from the São Paulo creation day during the month, 0 after it", () => {
    expect(planDays("2024-02", sp("2023-05-10T09:00:00"))).toBe(29);
    expect(planDays("2024-02", sp("2024-02-01T00:00:00"))).toBe(29);
    expect(planDays("2024-02", sp("2024-02-20T23:59:00"))).toBe(10);
    // 2024-02-29 02:30 UTC is still the 28th in São Paulo.
    expect(planDays("2024-02", new Date("2024-02-29T02:30:00Z"))).toBe(2);
    expect(planDays("2024-02", sp("2024-02-29T23:59:59"))).toBe(1);
    expect(planDays("2024-02", sp("2024-03-01T00:00:00"))).toBe(0);
  });
});

describe("heldDays", () => {
  it("counts every São Paulo day touched by [from, to), clamped to the month", () => {
    expect(heldDays("2024-02", [{ fromAt: sp("2024-01-15T10:00:00"), toAt: null }])).toBe(29);
    expect(heldDays("2024-02", [{ fromAt: sp("2024-02-10T14:00:00"), toAt: sp("2024-02-20T09:00:00") }])).toBe(11);
    // Released at midnight exactly: the 20th is not held.
    expect(heldDays("2024-02", [{ fromAt: sp("2024-02-10T14:00:00"), toAt: sp("2024-02-20T00:00:00") }])).toBe(10);
    // A minute of a day counts the day.
    expect(heldDays("2024-02", [{ fromAt: sp("2024-02-29T23:59:00"), toAt: sp("2024-03-05T10:00:00") }])).toBe(1);
    expect(heldDays("2024-02", [{ fromAt: sp("2024-01-01T00:00:00"), toAt: sp("2024-02-01T00:00:00") }])).toBe(0);
    expect(heldDays("2024-02", [{ fromAt: sp("2024-02-05T10:00:00"), toAt: sp("2024-02-05T10:00:00") }])).toBe(0);
  });

  it("counts a day held twice once (released and taken back)", () => {
    const allocations = [
      { fromAt: sp("2024-02-01T08:00:00"), toAt: sp("2024-02-03T12:00:00") },
      { fromAt: sp("2024-02-03T15:00:00"), toAt: sp("2024-02-04T01:00:00") },
    ];
    expect(heldDays("2024-02", allocations)).toBe(4);
  });
});

describe("composeInvoice", () => {
  it("bills a plan alone for a tenant with nothing else, with positions from 1", () => {
    const invoice = composeInvoice(base);
    expect(invoice.lines).toEqual([
      { position: 1, kind: "plan", description: "Pro", quantity: 29, billedSeconds: null, basisPoints: null, amountCents: 59_900n },
    ]);
    expect([invoice.subtotalCents, invoice.taxCents, invoice.totalCents]).toEqual([59_900n, 0n, 59_900n]);
  });

  it("orders plan, numbers by number, usage by description, taxes by position; leaves out lines that bill nothing", () => {
    const invoice = composeInvoice({
      ...base,
      dids: [
        { didId: "b", number: "+551130000009", monthlyPriceCents: 4_500n, fromAt: sp("2024-01-01T00:00:00"), toAt: null },
        {
          didId: "a",
          number: "+551130000001",
          monthlyPriceCents: 2_990n,
          fromAt: sp("2024-02-10T14:00:00"),
          toAt: sp("2024-02-20T09:00:00"),
        },
        { didId: "free", number: "+551130000005", monthlyPriceCents: 0n, fromAt: sp("2024-01-01T00:00:00"), toAt: null },
        {
          didId: "gone",
          number: "+551130000006",
          monthlyPriceCents: 1_000n,
          fromAt: sp("2023-01-01T00:00:00"),
          toAt: sp("2024-01-20T00:00:00"),
        },
      ],
      usage: [
        { destination: "Brasil Móvel SP", calls: 3, billedSeconds: 240n, priceMicros: 1_400_000n },
        { destination: "", calls: 0, billedSeconds: 0n, priceMicros: 0n },
        { destination: "Brasil Fixo SP", calls: 3, billedSeconds: 180n, priceMicros: 255_000n },
        { destination: "Argentina", calls: 0, billedSeconds: 0n, priceMicros: 0n },
      ],
      taxes: [
        { name: "PIS/COFINS", basisPoints: 365, position: 2 },
        { name: "ISS", basisPoints: 500, position: 1 },
      ],
    });
    expect(invoice.lines.map((l) => [l.position, l.kind, l.description, l.quantity, l.amountCents])).toEqual([
      [1, "plan", "Pro", 29, 59_900n],
      [2, "did", "(11) 3000-0001", 11, 1_134n],
      [3, "did", "(11) 3000-0009", 29, 4_500n],
      // 255,000 µBRL = 25.5 centavos → 26, rounded once for the group
      [4, "usage", "Brasil Fixo SP", 3, 26n],
      [5, "usage", "Brasil Móvel SP", 3, 140n],
      // (59,900 + 1,134 + 4,500 + 26 + 140) = 65,700 × 5 % = 3,285
      [6, "tax", "ISS", null, 3_285n],
      // 65,700 × 3.65 % = 2,398.05 → 2,398
      [7, "tax", "PIS/COFINS", null, 2_398n],
    ]);
    expect(invoice.lines[3]!.billedSeconds).toBe(180n);
    expect(invoice.lines[5]!.basisPoints).toBe(500);
    expect([invoice.subtotalCents, invoice.taxCents, invoice.totalCents]).toEqual([65_700n, 5_683n, 71_383n]);
  });

  it("rounds a destination's sum once, not call by call", () => {
    // Three calls of 0.4 centavo each: 1.2 centavos → 1 (per call it would have been 0 + 0 + 0).
    const invoice = composeInvoice({
      ...base,
      usage: [{ destination: "Brasil Fixo", calls: 3, billedSeconds: 90n, priceMicros: 12_000n }],
    });
    expect(invoice.lines[1]).toMatchObject({ kind: "usage", amountCents: 1n });
    // A group that rounds to nothing bills nothing and is left out.
    expect(composeInvoice({ ...base, usage: [{ destination: "X", calls: 1, billedSeconds: 1n, priceMicros: 4_999n }] }).lines).toHaveLength(
      1,
    );
  });

  it("has no plan line for a month before the tenant was created (numbers it held are still billed)", () => {
    const invoice = composeInvoice({
      ...base,
      tenantCreatedAt: sp("2024-03-10T10:00:00"),
      dids: [{ didId: "a", number: "+551130000001", monthlyPriceCents: 2_900n, fromAt: sp("2024-01-01T00:00:00"), toAt: null }],
    });
    expect(invoice.lines.map((l) => [l.position, l.kind, l.amountCents])).toEqual([[1, "did", 2_900n]]);
  });

  it("pro-rates the plan for a tenant created during the month", () => {
    const invoice = composeInvoice({ ...base, tenantCreatedAt: sp("2024-02-20T10:00:00") });
    // 59,900 × 10 / 29 = 20,655.17 → 20,655
    expect(invoice.lines[0]).toMatchObject({ quantity: 10, amountCents: 20_655n });
  });

  it("stays exact with huge sums", () => {
    const invoice = composeInvoice({
      ...base,
      usage: [{ destination: "Internacional", calls: 1_000_000, billedSeconds: 10n ** 12n, priceMicros: 123_456_789_012_345n }],
      taxes: [{ name: "ISS", basisPoints: 500, position: 0 }],
    });
    // 123,456,789,012,345 µBRL = 12,345,678,901.2345 centavos → 12,345,678,901
    expect(invoice.lines[1]!.amountCents).toBe(12_345_678_901n);
    expect(invoice.subtotalCents).toBe(12_345_678_901n + 59_900n);
    // 12,345,738,801 × 5 % = 617,286,940.05 → 617,286,940
    expect(invoice.taxCents).toBe(617_286_940n);
    expect(invoice.totalCents).toBe(invoice.subtotalCents + invoice.taxCents);
  });
});
