/**
 * CSV as Excel opens it by double-click: a UTF-8 BOM (or accents break), CRLF line ends, and the
 * delimiter of the user's locale (Excel in pt-BR expects ";", since "," is the decimal separator).
 * Cells that a spreadsheet would run as a formula (=, +, -, @ first) get a leading apostrophe
 * (CSV injection); callers pass `raw` for values validated as safe (E.164 phones, numbers).
 */
export type CsvCell = string | number | null | { raw: string };

const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(cell: CsvCell, delimiter: string): string {
  if (cell === null) return "";
  const text =
    typeof cell === "number" ? String(cell) : typeof cell === "string" ? (FORMULA_START.test(cell) ? `'${cell}` : cell) : cell.raw;
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: CsvCell[][], delimiter: ";" | ","): string {
  return "\uFEFF" + rows.map((row) => row.map((cell) => cellText(cell, delimiter)).join(delimiter)).join("\r\n") + "\r\n";
}
