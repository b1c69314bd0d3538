export type CsvRecord = {
  /** The physical line (1-based) the record starts on, as a spreadsheet or editor shows it. */
  line: number;
  fields: string[];
};

export type CsvReadResult = {
  records: CsvRecord[];
  /** The line of a quote that was opened and never closed; everything from it on is unreadable. */
  unterminatedQuoteAt: number | null;
};

const lineBreaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

/**
 * RFC 4180 reading: fields separated by `delimiter`, `"` quotes fields (doubled inside to mean
 * itself), quoted fields may hold delimiters and line breaks; CRLF, LF and lone CR all end a
 * record; a leading BOM is dropped. Blank records (only empty fields) are skipped. Fields are cut
 * with indexOf and a sticky regex rather than character by character: files have 20,000 lines.
 */
export function readCsvRecords(text: string, delimiter: "," | ";"): CsvReadResult {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const unquoted = delimiter === "," ? /[^,\r\n]*/y : /[^;\r\n]*/y;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    if (fields.some((f) => f.trim() !== "")) records.push({ line: recordLine, fields });
    fields = [];
  };
  const restOfField = (from: number) => {
    unquoted.lastIndex = from;
    return unquoted.exec(input)?.[0] ?? "";
  };

  while (i < input.length) {
    let start = i;
    while (input[start] === " " || input[start] === "\t") start++;
    if (input[start] === '"') {
      const openedAt = line;
      let value = "";
      let j = start + 1;
      for (;;) {
        const close = input.indexOf('"', j);
        if (close === -1) return { records, unterminatedQuoteAt: openedAt };
        const chunk = input.slice(j, close);
        line += lineBreaks(chunk);
        value += chunk;
        j = close + 1;
        if (input[j] !== '"') break;
        value += '"';
        j++;
      }
      // Text between the closing quote and the delimiter is kept, as spreadsheets do.
      const rest = restOfField(j);
      fields.push(value + rest);
      i = j + rest.length;
    } else {
      const value = restOfField(i);
      fields.push(value);
      i += value.length;
    }
    if (i >= input.length) break;
    if (input[i] === delimiter) {
      i++;
      // A delimiter at the very end still opens one last (empty) field.
      if (i >= input.length) fields.push("");
      continue;
    }
    i += input[i] === "\r" && input[i + 1] === "\n" ? 2 : 1;
    endRecord();
    line++;
    recordLine = line;
  }
  endRecord();
  return { records, unterminatedQuoteAt: null };
}

/** Spreadsheets set to Portuguese save CSV with `;` (the comma is their decimal separator). */
export function detectDelimiter(text: string): "," | ";" {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/, 1)[0] ?? "";
  return firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
}
