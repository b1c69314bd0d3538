import { describe, expect, it } from "vitest";
import { toCsv } from "./leads-csv";

describe("toCsv", () => {
  it("starts with a BOM, ends lines with CRLF and quotes only what needs quoting", () => {
    const csv = toCsv(
      [
        ["Nome", "Empresa"],
        ["Ana; da Silva", 'Padaria "Pão" Ltda'],
        ["Linha\nquebrada", null],
      ],
      ";",
    );
    expect(csv).toBe('\uFEFFNome;Empresa\r\n"Ana; da Silva";"Padaria ""Pão"" Ltda"\r\n"Linha\nquebrada";\r\n');
  });

  it("quotes by the delimiter in use", () => {
    expect(toCsv([["a,b", "c;d"]], ",")).toBe('\uFEFF"a,b",c;d\r\n');
  });

  it("defuses cells a spreadsheet would evaluate, but not raw safe values", () => {
    const csv = toCsv([['=HYPERLINK("x")', "-2+3", "@SUM(A1)", { raw: "+5511987654321" }, 42]], ";");
    expect(csv).toBe('\uFEFF"\'=HYPERLINK(""x"")";\'-2+3;\'@SUM(A1);+5511987654321;42\r\n');
  });
});
