import { describe, expect, it } from "vitest";
import { getDictionary, translateMessage } from "@/lib/i18n";
import { parseDidCsv, type DidCsvCatalog } from "./parse-did-csv";
import { readCsvRecords } from "./read-csv-records";

const catalog: DidCsvCatalog = {
  providers: [
    { id: "p-vivo", name: "Vivo Empresas" },
    { id: "p-algar", name: "Algar" },
  ],
  gateways: [
    { id: "g-sp", name: "vivo-sp", providerId: "p-vivo" },
    { id: "g-rj", name: "vivo-rj", providerId: "p-vivo" },
    { id: "g-algar", name: "algar-1", providerId: "p-algar" },
  ],
};

const HEADER = "number,provider,gateway,monthly_cost";
const en = getDictionary("en");
const reasons = (text: string) => parseDidCsv(text, catalog).errors.map((e) => ({ line: e.line, reason: translateMessage(en, e.reason) }));

describe("readCsvRecords", () => {
  it("reads quoted fields with delimiters, doubled quotes and line breaks, numbering physical lines", () => {
    const { records, unterminatedQuoteAt } = readCsvRecords('a,"b,c","say ""hi"""\r\n"multi\nline",x,y\n\nlast,,', ",");
    expect(unterminatedQuoteAt).toBeNull();
    expect(records).toEqual([
      { line: 1, fields: ["a", "b,c", 'say "hi"'] },
      { line: 2, fields: ["multi\nline", "x", "y"] },
      { line: 5, fields: ["last", "", ""] },
    ]);
  });

  it("drops a BOM, accepts lone CR line ends and skips blank records", () => {
    const { records } = readCsvRecords("\uFEFFa;b\r1;2\r;\r\n  \n3;4", ";");
    expect(records).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
      { line: 5, fields: ["3", "4"] },
    ]);
  });

  it("reports where an unclosed quote starts", () => {
    expect(readCsvRecords('a,b\n1,"2\n3,4\n', ",").unterminatedQuoteAt).toBe(2);
  });
});

describe("parseDidCsv", () => {
  it("reads a clean file: E.164 numbers, provider and gateway ids, costs with comma or dot", () => {
    const text = [
      HEADER,
      "(11) 3000-1000,Vivo Empresas,vivo-sp,12.50",
      '+55 21 3000-1001,vivo empresas,,"12,5"',
      "11 98765-4321,Algar,algar-1,0",
      "31 3333-4444 , Algar , , R$ 7,00".replace("R$ 7,00", '"R$ 7,00"'),
    ].join("\n");
    expect(parseDidCsv(text, catalog)).toEqual({
      errors: [],
      records: 4,
      rows: [
        { line: 2, number: "+551130001000", providerId: "p-vivo", gatewayId: "g-sp", monthlyCost: "12.50" },
        { line: 3, number: "+552130001001", providerId: "p-vivo", gatewayId: null, monthlyCost: "12.50" },
        { line: 4, number: "+5511987654321", providerId: "p-algar", gatewayId: "g-algar", monthlyCost: "0.00" },
        { line: 5, number: "+553133334444", providerId: "p-algar", gatewayId: null, monthlyCost: "7.00" },
      ],
    });
  });

  it("handles a BOM, CRLF, blank lines and columns in any order", () => {
    const text =
      "\uFEFFprovider,Number,monthly_cost,gateway\r\n\r\nAlgar,(11) 3000-2000,1.99,\r\n   \r\nAlgar,(11) 3000-2001,2,algar-1\r\n";
    const { rows, errors } = parseDidCsv(text, catalog);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.line, r.number, r.monthlyCost, r.gatewayId])).toEqual([
      [3, "+551130002000", "1.99", null],
      [5, "+551130002001", "2.00", "g-algar"],
    ]);
  });

  it("reads semicolon-separated files as Brazilian spreadsheets save them", () => {
    const { rows, errors } = parseDidCsv("number;provider;gateway;monthly_cost\n(11) 3000-3000;Algar;;12,50\n", catalog);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ number: "+551130003000", monthlyCost: "12.50" });
  });

  it("reports every duplicate line, pointing at the first occurrence, whatever the number's format", () => {
    const text = [HEADER, "(11) 3000-4000,Algar,,1", "+551130004000,Algar,,1", "11 3000-4001,Algar,,1", "011 3000 4000,Algar,,1"].join(
      "\n",
    );
    expect(reasons(text)).toEqual([
      { line: 3, reason: "+551130004000 is repeated (first on line 2)." },
      { line: 5, reason: "+551130004000 is repeated (first on line 2)." },
    ]);
  });

  it("reports unknown providers and gateways, and gateways of another provider", () => {
    const text = [HEADER, "(11) 3000-5000,Claro,,1", "(11) 3000-5001,Algar,gw-x,1", "(11) 3000-5002,Algar,vivo-sp,1"].join("\n");
    expect(reasons(text)).toEqual([
      { line: 2, reason: "Unknown provider: Claro." },
      { line: 3, reason: "Unknown gateway: gw-x." },
      { line: 4, reason: "Gateway vivo-sp does not belong to provider Algar." },
    ]);
  });

  it("reports invalid numbers and blank required cells", () => {
    const text = [
      HEADER,
      "12345,Algar,,1",
      "(11) 3000-6000 ramal 2,Algar,,1",
      ",Algar,,1",
      "(11) 3000-6001,,,1",
      "(11) 3000-6002,Algar,,",
    ].join("\n");
    expect(reasons(text)).toEqual([
      { line: 2, reason: "Invalid number: 12345." },
      { line: 3, reason: "Invalid number: (11) 3000-6000 ramal 2." },
      { line: 4, reason: "Number is blank." },
      { line: 5, reason: "Provider is blank." },
      { line: 6, reason: "Monthly cost is blank." },
    ]);
  });

  it.each([
    ["-1", "Negative monthly cost: -1."],
    ["-0,50", "Negative monthly cost: -0,50."],
    ["abc", "Invalid monthly cost: abc. Use a value like 12.50."],
    ["12.345", "Invalid monthly cost: 12.345. Use a value like 12.50."],
    ["1.250,00", "Invalid monthly cost: 1.250,00. Use a value like 12.50."],
    ["123456789", "Invalid monthly cost: 123456789. Use a value like 12.50."],
  ])("refuses the cost %s", (cost, message) => {
    expect(reasons(`${HEADER}\n(11) 3000-7000,Algar,,"${cost}"`)).toEqual([{ line: 2, reason: message }]);
  });

  it("reports lines with too many or too few columns (an unquoted 12,50 among them)", () => {
    const text = [HEADER, "(11) 3000-8000,Algar,,12,50", "(11) 3000-8001,Algar", "(11) 3000-8002,Algar,,1,,"].join("\n");
    expect(parseDidCsv(text, catalog).errors).toEqual([
      { line: 2, reason: "inventory.csv.too_many_columns?found=5&expected=4" },
      { line: 3, reason: "inventory.csv.too_few_columns?found=2&expected=4" },
      { line: 4, reason: "inventory.csv.too_many_columns?found=6&expected=4" },
    ]);
  });

  it("lists every problem of a line, and good lines do not hide bad ones", () => {
    const text = [HEADER, "(11) 3000-9000,Algar,,1", "bad,Nobody,nogw,-3"].join("\n");
    const result = parseDidCsv(text, catalog);
    expect(result.rows).toHaveLength(1);
    expect(result.errors.map((e) => e.line)).toEqual([3, 3, 3, 3]);
  });

  it("refuses a missing or wrong header, an empty file and a header without rows", () => {
    expect(reasons("")).toEqual([{ line: 1, reason: "The file is empty." }]);
    expect(reasons("\n\n")).toEqual([{ line: 1, reason: "The file is empty." }]);
    expect(reasons("(11) 3000-1000,Algar,,1\n")[0]?.reason).toMatch(/^Invalid header/);
    expect(reasons("number,provider,gateway\n")[0]?.reason).toMatch(/^Invalid header/);
    expect(reasons("number,provider,gateway,monthly_cost,extra\n")[0]?.reason).toMatch(/^Invalid header/);
    expect(reasons("number,number,gateway,monthly_cost\n")[0]?.reason).toMatch(/^Invalid header/);
    expect(reasons(`${HEADER}\n`)).toEqual([{ line: 2, reason: "The file has only the header; no numbers to import." }]);
  });

  it("reports an unclosed quote", () => {
    expect(reasons(`${HEADER}\n(11) 3000-1000,Algar,,1\n"(11) 3000-1001,Algar,,1\n`)).toEqual([
      { line: 3, reason: "A quote is opened and never closed." },
    ]);
  });

  it("stops at the row limit", () => {
    const text = [HEADER, "(11) 3000-1000,Algar,,1", "(11) 3000-1001,Algar,,1", "(11) 3000-1002,Algar,,1"].join("\n");
    expect(parseDidCsv(text, catalog, { maxRows: 2 }).errors).toEqual([{ line: 4, reason: "inventory.csv.too_many_rows?max=2" }]);
  });

  it("quotes long values back shortened", () => {
    const long = "Z".repeat(60);
    const [error] = reasons(`${HEADER}\n(11) 3000-1000,${long},,1`);
    expect(error?.reason).toBe(`Unknown provider: ${"Z".repeat(39)}….`);
  });

  it("reads 20,000 rows quickly", () => {
    const lines = [HEADER];
    for (let i = 0; i < 20_000; i++) {
      const n = String(30_000_000 + i);
      lines.push(`(11) ${n.slice(0, 4)}-${n.slice(4)},Algar,algar-1,"9,90"`);
    }
    const started = performance.now();
    const { rows, errors } = parseDidCsv(lines.join("\n"), catalog);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(20_000);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
