import { describe, expect, it } from "vitest";
import { parseDidCsv } from "@/server/services/inventory/parse-did-csv";
import { countDataLines, didCsvTemplate, readCsvFile } from "./csv-file";

describe("csv-file", () => {
  it("reads UTF-8 and falls back to Windows-1252 for spreadsheet exports", async () => {
    expect(await readCsvFile(new Blob([new TextEncoder().encode("Telefônica")]))).toBe("Telefônica");
    const latin1 = Uint8Array.from([0x54, 0x65, 0x6c, 0x65, 0x66, 0xf4, 0x6e, 0x69, 0x63, 0x61]);
    expect(await readCsvFile(new Blob([latin1]))).toBe("Telefônica");
  });

  it("counts data lines", () => {
    expect(countDataLines("number,provider\r\n1,a\n\n2,b\n")).toBe(2);
    expect(countDataLines("")).toBe(0);
  });

  it("offers a template the importer accepts as it is", () => {
    const template = didCsvTemplate('Vivo "Empresas", SP', "vivo-sp");
    const result = parseDidCsv(template, {
      providers: [{ id: "p", name: 'Vivo "Empresas", SP' }],
      gateways: [{ id: "g", name: "vivo-sp", providerId: "p" }],
    });
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.number, r.gatewayId, r.monthlyCost])).toEqual([
      ["+551130001000", "g", "12.50"],
      ["+552130001001", null, "9.90"],
    ]);
  });
});
