import { describe, expect, it } from "vitest";
import { getDictionary, translateMessage } from "@/lib/i18n";
import { parseRateCsv } from "./parse-rate-csv";
import { ratesCsv } from "./rates-csv";

const HEADER = "prefix;description;price_per_minute;connection_fee;min_seconds;increment_seconds;effective_from;effective_to";
const en = (reason: string) => translateMessage(getDictionary("en"), reason);
const at = (text: string) => new Date(text).getTime();

describe("parseRateCsv", () => {
  it("reads a pt-BR file: `;`, decimal comma, BOM, CRLF, São Paulo dates", () => {
    const text = `\uFEFF${HEADER}\r\n55;Brasil;0,12;0;30;6;2026-01-01;\r\n5511;"São Paulo; fixo";0,045;0,01;0;1;01/01/2026;2026-06-30 23:59:59\r\n`;
    const result = parseRateCsv(text);
    expect(result.errors).toEqual([]);
    expect(result.records).toBe(2);
    expect(result.rows).toEqual([
      {
        line: 2,
        prefix: "55",
        description: "Brasil",
        pricePerMinuteMicros: 120_000n,
        connectionFeeMicros: 0n,
        minSeconds: 30,
        incrementSeconds: 6,
        effectiveFrom: at("2026-01-01T03:00:00Z"),
        effectiveTo: null,
      },
      {
        line: 3,
        prefix: "5511",
        description: "São Paulo; fixo",
        pricePerMinuteMicros: 45_000n,
        connectionFeeMicros: 10_000n,
        minSeconds: 0,
        incrementSeconds: 1,
        effectiveFrom: at("2026-01-01T03:00:00Z"),
        effectiveTo: at("2026-07-01T02:59:59Z"),
      },
    ]);
  });

  it("reads an en file with `,` and dots, columns in any order, optional columns left out", () => {
    const text = "effective_from,price_per_minute,description,prefix\n2026-01-01,0.085,Mobile,55119\n";
    const result = parseRateCsv(text);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({
      prefix: "55119",
      pricePerMinuteMicros: 85_000n,
      connectionFeeMicros: 0n,
      minSeconds: 0,
      incrementSeconds: 1,
    });
  });

  it("reports every bad line by number with its reason, and takes nothing from a bad file", () => {
    const text = [
      HEADER,
      "55;Brasil;0,12;;;;2026-01-01;",
      "55a;Bad prefix;0,1;;;;2026-01-01;",
      "5521;;0,1;;;;2026-01-01;",
      "5531;Price;1.234,50;;;;2026-01-01;",
      "5541;Billing;0,1;;30;0;2026-01-01;",
      "5551;Dates;0,1;;;;2026-02-30;",
      "5561;Backwards;0,1;;;;2026-02-01;2026-01-01",
      "5571;Short;0,1",
      "5581;Fine;0,1;;;;2026-01-01;",
    ].join("\n");
    const result = parseRateCsv(text);
    expect(result.errors.map((e) => [e.line, en(e.reason)])).toEqual([
      [3, "Invalid prefix: “55a” (1 to 15 digits)."],
      [4, "Empty description."],
      [5, "Invalid price per minute: “1.234,50” (up to 6 decimals, no thousands separator)."],
      [6, "Invalid increment: “0” (1 to 3600 seconds)."],
      [7, "Invalid date: “2026-02-30”."],
      [8, "effective_to must be after effective_from."],
      [9, "3 columns; the header has 8."],
    ]);
    expect(result.records).toBe(9);
  });

  it("names both lines of a repeated prefix and start, and of overlapping periods", () => {
    const text = [
      HEADER,
      "5511;A;0,1;;;;2026-01-01;2026-03-01",
      "5511;B;0,1;;;;2026-03-01;", // starts where line 2 ends: fine
      "5512;C;0,1;;;;2026-01-01;",
      "5512;D;0,2;;;;2026-01-01;", // same start as line 4
      "5513;E;0,1;;;;2026-01-01;",
      "5513;F;0,1;;;;2025-06-01;2026-01-02", // ends inside line 6
    ].join("\n");
    const result = parseRateCsv(text);
    expect(result.errors.map((e) => [e.line, en(e.reason)])).toEqual([
      [5, "Prefix 5512 repeated with the same start as line 4."],
      [7, "The period of prefix 5513 overlaps that of line 6."],
    ]);
  });

  it("refuses a bad header, an empty file, a header alone and too many rows", () => {
    expect(parseRateCsv("").errors.map((e) => en(e.reason))).toEqual(["The file is empty."]);
    expect(parseRateCsv(HEADER).errors).toEqual([{ line: 2, reason: "tariffs.csv.no_rows" }]);
    expect(en(parseRateCsv("prefix;description;price\n55;x;1").errors[0]!.reason)).toBe("Unknown column in the header: “price”.");
    expect(en(parseRateCsv("prefix;description\n55;x").errors[0]!.reason)).toBe(
      "Columns missing from the header: price_per_minute, effective_from.",
    );
    const many = [HEADER, ...Array.from({ length: 4 }, (_, i) => `55${i};x;0,1;;;;2026-01-01;`)].join("\n");
    expect(parseRateCsv(many, 3).errors).toEqual([{ line: 5, reason: "tariffs.csv.too_many_rows?max=3" }]);
  });

  it("reads its own export back as the same rates (formula guard included)", () => {
    const rates = [
      {
        prefix: "55",
        description: '=HYPERLINK("x")',
        pricePerMinuteMicros: 123_456n,
        connectionFeeMicros: 1n,
        minSeconds: 30,
        incrementSeconds: 6,
        effectiveFrom: at("2026-01-01T03:00:00Z"),
        effectiveTo: at("2026-02-01T15:30:00.250Z"),
      },
      {
        prefix: "5511",
        description: 'São Paulo; "fixo"',
        pricePerMinuteMicros: 1_000_000n,
        connectionFeeMicros: 0n,
        minSeconds: 0,
        incrementSeconds: 1,
        effectiveFrom: at("2018-01-15T02:00:00Z"),
        effectiveTo: null,
      },
    ];
    const csv = ratesCsv(rates);
    expect(csv.split("\r\n")[1]).toBe(`55;"'=HYPERLINK(""x"")";0,123456;0,000001;30;6;2026-01-01;2026-02-01 12:30:00.250`);
    expect(csv.split("\r\n")[2]).toBe(`5511;"São Paulo; ""fixo""";1,00;0,00;0;1;2018-01-15;`);
    const back = parseRateCsv(csv);
    expect(back.errors).toEqual([]);
    expect(back.rows.map(({ line: _line, ...rate }) => rate)).toEqual(rates);
  });

  it("reads 50,000 lines in a fraction of the import's budget", () => {
    const lines = [HEADER];
    for (let i = 0; i < 50_000; i++) lines.push(`${550_000 + i};Destino ${i};0,0${i % 10}5;0;30;6;2026-01-01;`);
    const started = performance.now();
    const result = parseRateCsv(lines.join("\n"));
    const elapsed = performance.now() - started;
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(50_000);
    // About 0.4 s here when the machine is idle; the bound leaves room for a busy one.
    expect(elapsed).toBeLessThan(3000);
  });
});
