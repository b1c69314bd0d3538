import { parseRateMicros } from "@/lib/billing/micros";
import {
  MAX_BILLING_SECONDS,
  normalizePrefix,
  parseEffectiveText,
  RATE_CSV_COLUMNS,
  RATE_CSV_OPTIONAL_COLUMNS,
  RATE_IMPORT_MAX_ROWS,
  tariffsCsvError,
  type RateCsvColumn,
} from "@/lib/schemas/billing-tariffs";
import { detectDelimiter, readCsvRecords, type CsvRecord } from "@/server/services/inventory/read-csv-records";
import type { NewRate } from "./deck-version";

/** `reason` is a message key ("tariffs.csv.<code>?…"), translated by the caller. */
export type RateCsvError = { line: number; reason: string };
export type RateCsvRow = NewRate & { line: number };
export type RateCsvResult = {
  rows: RateCsvRow[];
  /** Data records read (the header and blank lines excluded). */
  records: number;
  /** Every problem of every line, in line order. */
  errors: RateCsvError[];
};

/** What the user typed, short enough to quote back in a message. */
const quote = (value: string) => (value.length > 40 ? `${value.slice(0, 39)}…` : value);
const REQUIRED = RATE_CSV_COLUMNS.filter((c) => !(RATE_CSV_OPTIONAL_COLUMNS as readonly string[]).includes(c));
/** A spreadsheet-formula guard the export puts before such a description (see rates-csv.ts). */
const GUARDED = /^'[=+\-@\t\r]/;

function columnsOf(header: CsvRecord): { index: Partial<Record<RateCsvColumn, number>> } | { error: string } {
  const names = header.fields.map((f) => f.trim().toLowerCase());
  while (names.length > 0 && names.at(-1) === "") names.pop();
  const index: Partial<Record<RateCsvColumn, number>> = {};
  for (const [i, name] of names.entries()) {
    if (!(RATE_CSV_COLUMNS as readonly string[]).includes(name)) return { error: tariffsCsvError("unknown_column", { name: quote(name) }) };
    if (index[name as RateCsvColumn] !== undefined) return { error: tariffsCsvError("duplicate_column", { name }) };
    index[name as RateCsvColumn] = i;
  }
  const missing = REQUIRED.filter((c) => index[c] === undefined);
  if (missing.length > 0) return { error: tariffsCsvError("missing_columns", { names: missing.join(", ") }) };
  return { index };
}

function wholeSeconds(text: string, min: number): number | null {
  if (!/^\d{1,4}$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= MAX_BILLING_SECONDS ? value : null;
}

/**
 * Reads a rate deck file: a header row naming the columns (RATE_CSV_COLUMNS; fee, billing and end
 * date may be left out), `;` or `,` between fields (told by the header), decimal comma or dot,
 * dates as São Paulo days or date-times. Pure: it reports every problem of every line — including
 * two lines of one prefix whose periods meet, naming both — so the import takes the whole file
 * or nothing.
 */
export function parseRateCsv(text: string, maxRows = RATE_IMPORT_MAX_ROWS): RateCsvResult {
  const { records, unterminatedQuoteAt } = readCsvRecords(text, detectDelimiter(text));
  const [header, ...data] = records;
  if (!header) {
    const reason = tariffsCsvError(unterminatedQuoteAt ? "unterminated_quote" : "empty_file");
    return { rows: [], records: 0, errors: [{ line: unterminatedQuoteAt ?? 1, reason }] };
  }
  const columns = columnsOf(header);
  if ("error" in columns) return { rows: [], records: data.length, errors: [{ line: header.line, reason: columns.error }] };
  if (data.length === 0 && unterminatedQuoteAt === null) {
    return { rows: [], records: 0, errors: [{ line: header.line + 1, reason: tariffsCsvError("no_rows") }] };
  }
  if (data.length > maxRows) {
    return {
      rows: [],
      records: data.length,
      errors: [{ line: data[maxRows]!.line, reason: tariffsCsvError("too_many_rows", { max: maxRows }) }],
    };
  }

  const width = Math.max(...Object.values(columns.index)) + 1;
  const dates = new Map<string, Date | null>();
  const dateOf = (value: string) => {
    let date = dates.get(value);
    if (date === undefined) dates.set(value, (date = parseEffectiveText(value)));
    return date;
  };
  const errors: RateCsvError[] = [];
  const rows: RateCsvRow[] = [];

  for (const record of data) {
    const fields = record.fields;
    // A trailing delimiter (an empty last field) is what some spreadsheets write: not a column.
    while (fields.length > width && fields.at(-1)!.trim() === "") fields.pop();
    if (fields.length !== width) {
      const code = fields.length > width ? "too_many_columns" : "too_few_columns";
      errors.push({ line: record.line, reason: tariffsCsvError(code, { found: fields.length, expected: width }) });
      continue;
    }
    const cell = (column: RateCsvColumn) => {
      const i = columns.index[column];
      return i === undefined ? "" : fields[i]!.trim();
    };
    const fail = (code: Parameters<typeof tariffsCsvError>[0], params?: Record<string, string | number>) =>
      errors.push({ line: record.line, reason: tariffsCsvError(code, params) });
    const before = errors.length;

    const rawPrefix = cell("prefix");
    const prefix = normalizePrefix(rawPrefix);
    if (!rawPrefix) fail("missing_prefix");
    else if (!prefix) fail("invalid_prefix", { value: quote(rawPrefix) });

    let description = cell("description");
    if (GUARDED.test(description)) description = description.slice(1);
    if (!description) fail("missing_description");
    else if (description.length > 120) fail("description_too_long", { max: 120 });
    else if (/\p{Cc}/u.test(description)) fail("invalid_description");

    const rawPrice = cell("price_per_minute");
    const price = rawPrice ? parseRateMicros(rawPrice) : null;
    if (!rawPrice) fail("missing_price");
    else if (price === null) fail("invalid_price", { value: quote(rawPrice) });

    const rawFee = cell("connection_fee");
    const fee = rawFee ? parseRateMicros(rawFee) : 0n;
    if (fee === null) fail("invalid_fee", { value: quote(rawFee) });

    const rawMin = cell("min_seconds");
    const min = rawMin ? wholeSeconds(rawMin, 0) : 0;
    if (min === null) fail("invalid_min_seconds", { value: quote(rawMin), max: MAX_BILLING_SECONDS });
    const rawIncrement = cell("increment_seconds");
    const increment = rawIncrement ? wholeSeconds(rawIncrement, 1) : 1;
    if (increment === null) fail("invalid_increment_seconds", { value: quote(rawIncrement), max: MAX_BILLING_SECONDS });

    const rawFrom = cell("effective_from");
    const from = rawFrom ? dateOf(rawFrom) : null;
    if (!rawFrom) fail("missing_effective_from");
    else if (!from) fail("invalid_date", { value: quote(rawFrom) });
    const rawTo = cell("effective_to");
    const to = rawTo ? dateOf(rawTo) : null;
    if (rawTo && !to) fail("invalid_date", { value: quote(rawTo) });
    else if (to && from && to.getTime() <= from.getTime()) fail("to_before_from");

    if (errors.length === before) {
      rows.push({
        line: record.line,
        prefix: prefix!,
        description,
        pricePerMinuteMicros: price!,
        connectionFeeMicros: fee!,
        minSeconds: min!,
        incrementSeconds: increment!,
        effectiveFrom: from!.getTime(),
        effectiveTo: to ? to.getTime() : null,
      });
    }
  }
  errors.push(...periodClashes(rows));
  if (unterminatedQuoteAt !== null) errors.push({ line: unterminatedQuoteAt, reason: tariffsCsvError("unterminated_quote") });
  errors.sort((a, b) => a.line - b.line);
  return { rows, records: data.length, errors };
}

/**
 * Two lines of one prefix whose periods meet: the same start is a duplicate, any other overlap
 * an overlap; the later line is reported, naming the earlier one. In start order, a period meets
 * an earlier one exactly when it starts before the furthest end seen so far.
 */
export function periodClashes(rows: readonly RateCsvRow[]): RateCsvError[] {
  const byPrefix = new Map<string, RateCsvRow[]>();
  for (const row of rows) {
    const list = byPrefix.get(row.prefix);
    if (list) list.push(row);
    else byPrefix.set(row.prefix, [row]);
  }
  const errors: RateCsvError[] = [];
  for (const list of byPrefix.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => a.effectiveFrom - b.effectiveFrom || a.line - b.line);
    let furthest = list[0]!;
    for (const row of list.slice(1)) {
      const end = furthest.effectiveTo ?? Infinity;
      if (row.effectiveFrom < end) {
        const [first, second] = furthest.line < row.line ? [furthest, row] : [row, furthest];
        const code = first.effectiveFrom === second.effectiveFrom ? "duplicate_period" : "overlapping_period";
        errors.push({ line: second.line, reason: tariffsCsvError(code, { prefix: row.prefix, other: first.line }) });
      }
      if ((row.effectiveTo ?? Infinity) > end) furthest = row;
    }
  }
  return errors;
}
