import { describe, expect, it } from "vitest";
import { detectCsvDelimiter, readLeadCsv } from "./read-lead-csv";

describe("readLeadCsv", () => {
  it("reads ; files with quoted fields holding ; and line breaks, and reports each record's line", () => {
    const csv = 'Nome;Observações\n"Silva; Maria";"linha 1\nlinha 2"\nJoão;ok\n';
    const file = readLeadCsv(csv);
    expect(file.delimiter).toBe(";");
    expect(file.header).toEqual(["Nome", "Observações"]);
    expect(file.records).toEqual([
      { line: 2, fields: ["Silva; Maria", "linha 1\nlinha 2"] },
      { line: 4, fields: ["João", "ok"] },
    ]);
  });

  it("drops a BOM, accepts CRLF and skips empty lines without losing line numbers", () => {
    const csv = "\uFEFFname,email\r\nAna,ana@x.com\r\n\r\n;;\r\n,\r\nBia,bia@x.com\r\n";
    const file = readLeadCsv(csv);
    expect(file.header).toEqual(["name", "email"]);
    expect(file.records.map((r) => [r.line, r.fields[0]])).toEqual([
      [2, "Ana"],
      [4, ";;"],
      [6, "Bia"],
    ]);
  });

  it("doubles quotes inside quoted fields", () => {
    const file = readLeadCsv('name,notes\nAna,"disse ""oi"", tchau"\n');
    expect(file.records[0]!.fields).toEqual(["Ana", 'disse "oi", tchau']);
  });

  it("reports a quote that never closes", () => {
    const file = readLeadCsv('name,notes\nAna,ok\nBia,"aberta\nCarla,x\n');
    expect(file.records.map((r) => r.fields[0])).toEqual(["Ana"]);
    expect(file.unterminatedQuoteAt).toBe(3);
  });

  it("finds the delimiter outside quotes only", () => {
    expect(detectCsvDelimiter('"Nome, completo";Empresa;E-mail\n')).toBe(";");
    expect(detectCsvDelimiter('"a;b",c,d\n')).toBe(",");
    expect(detectCsvDelimiter("\uFEFFNome;Empresa\r\nx,y,z,w\r\n")).toBe(";");
    expect(detectCsvDelimiter("name\n")).toBe(",");
  });

  it("gives an empty header for an empty file", () => {
    expect(readLeadCsv("").header).toEqual([]);
    expect(readLeadCsv("\n\n").header).toEqual([]);
  });
});
