import type { LeadImportDuplicate, LeadImportRowError } from "@/lib/schemas/lead-import";

type Texts = {
  columns: { line: string; field: string; problem: string };
  field: (field: string) => string;
  reason: (message: string) => string;
  duplicate: (duplicate: LeadImportDuplicate) => string;
};

/**
 * The lines that were not imported and why, as a CSV a spreadsheet opens: a BOM for UTF-8, and
 * the delimiter spreadsheets of the user's language expect (`;` in Portuguese).
 */
export function importReportCsv(
  errors: LeadImportRowError[],
  duplicates: LeadImportDuplicate[],
  texts: Texts,
  delimiter: ";" | ",",
): string {
  const cell = (value: string | number) => {
    const text = String(value);
    return new RegExp(`["\\r\\n${delimiter}]`).test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const rows: [number, string, string][] = [
    ...errors.flatMap((e) => e.problems.map((p): [number, string, string] => [e.line, texts.field(p.field), texts.reason(p.reason)])),
    ...duplicates.map((d): [number, string, string] => [d.line, texts.field(d.field), texts.duplicate(d)]),
  ].sort((a, b) => a[0] - b[0]);
  const header = [texts.columns.line, texts.columns.field, texts.columns.problem];
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(delimiter)).join("\r\n")}\r\n`;
}
