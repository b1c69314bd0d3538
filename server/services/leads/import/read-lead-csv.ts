import { readCsvRecords, type CsvRecord } from "@/server/services/inventory/read-csv-records";

export type LeadCsv = {
  delimiter: "," | ";";
  header: string[];
  /** Data records, each with the CSV line it starts on (the header is line 1 or later). */
  records: CsvRecord[];
  /** The line of a quote opened and never closed: nothing from it on could be read. */
  unterminatedQuoteAt: number | null;
};

/**
 * The delimiter of the header line, counting only characters outside quotes: Portuguese
 * spreadsheets save with `;` and a quoted header such as "Nome, completo" must not fool it.
 */
export function detectCsvDelimiter(text: string): "," | ";" {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && c === ";") semicolons++;
    else if (!quoted && c === ",") commas++;
  }
  return semicolons > commas ? ";" : ",";
}

/** UTF-8 text (BOM dropped), `;` or `,` delimited, quoted fields, CRLF or LF; blank lines skipped. */
export function readLeadCsv(text: string): LeadCsv {
  const delimiter = detectCsvDelimiter(text);
  const { records, unterminatedQuoteAt } = readCsvRecords(text, delimiter);
  const [header, ...data] = records;
  return {
    delimiter,
    header: header ? header.fields.map((f) => f.trim()) : [],
    records: data,
    unterminatedQuoteAt,
  };
}
