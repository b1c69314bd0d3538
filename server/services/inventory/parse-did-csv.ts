import type { CountryCode } from "libphonenumber-js";
import { normalizePhone } from "@/lib/phone";
import { DID_CSV_HEADER, DID_IMPORT_MAX_ROWS, inventoryCsvError, parseDecimalText } from "@/lib/schemas/inventory";
import { detectDelimiter, readCsvRecords, type CsvRecord } from "./read-csv-records";

export type DidCsvCatalog = {
  providers: { id: string; name: string }[];
  gateways: { id: string; name: string; providerId: string }[];
};

export type DidCsvRow = { line: number; number: string; providerId: string; gatewayId: string | null; monthlyCost: string };
/** `reason` is a message key ("inventory.csv.<code>?…"), translated by the caller. */
export type DidCsvError = { line: number; reason: string };
export type DidCsvResult = {
  rows: DidCsvRow[];
  /** Data records read (the header and blank lines excluded). */
  records: number;
  errors: DidCsvError[];
};

type Options = { maxRows?: number; defaultCountry?: CountryCode };
type Column = (typeof DID_CSV_HEADER)[number];

/** What the user typed, short enough to quote back in a message. */
const quote = (value: string) => (value.length > 40 ? `${value.slice(0, 39)}…` : value);

/** Exact name first; otherwise a case-insensitive match, if it is the only one. */
function byName<T extends { name: string }>(items: T[]): (name: string) => T | undefined {
  const exact = new Map(items.map((item) => [item.name, item]));
  const folded = new Map<string, T | null>();
  for (const item of items) {
    const key = item.name.toLocaleLowerCase("pt-BR");
    folded.set(key, folded.has(key) ? null : item);
  }
  return (name) => exact.get(name) ?? folded.get(name.toLocaleLowerCase("pt-BR")) ?? undefined;
}

function columnsOf(header: CsvRecord): Record<Column, number> | null {
  const names = header.fields.map((f) => f.trim().toLowerCase());
  if (names.length !== DID_CSV_HEADER.length || new Set(names).size !== names.length) return null;
  const index = Object.fromEntries(DID_CSV_HEADER.map((column) => [column, names.indexOf(column)])) as Record<Column, number>;
  return Object.values(index).every((i) => i >= 0) ? index : null;
}

/**
 * Reads a DID import file (`number,provider,gateway,monthly_cost` with a header row) against the
 * providers and gateways that exist. Pure: it reports every problem of every line, so the import
 * either takes the whole file or nothing. Numbers become E.164; costs accept "12,50" and "12.50".
 */
export function parseDidCsv(text: string, catalog: DidCsvCatalog, options: Options = {}): DidCsvResult {
  const maxRows = options.maxRows ?? DID_IMPORT_MAX_ROWS;
  const { records, unterminatedQuoteAt } = readCsvRecords(text, detectDelimiter(text));
  const errors: DidCsvError[] = [];
  const [header, ...data] = records;
  if (!header) {
    const reason = inventoryCsvError(unterminatedQuoteAt ? "unterminated_quote" : "empty_file");
    return { rows: [], records: 0, errors: [{ line: unterminatedQuoteAt ?? 1, reason }] };
  }
  const columns = columnsOf(header);
  if (!columns) return { rows: [], records: data.length, errors: [{ line: header.line, reason: inventoryCsvError("bad_header") }] };
  if (data.length === 0 && unterminatedQuoteAt === null) {
    return { rows: [], records: 0, errors: [{ line: header.line + 1, reason: inventoryCsvError("no_rows") }] };
  }

  const provider = byName(catalog.providers);
  const gateway = byName(catalog.gateways);
  const firstLineOf = new Map<string, number>();
  const rows: DidCsvRow[] = [];

  for (const [index, record] of data.entries()) {
    if (index >= maxRows) {
      errors.push({ line: record.line, reason: inventoryCsvError("too_many_rows", { max: maxRows }) });
      break;
    }
    const fail = (reason: string) => errors.push({ line: record.line, reason });
    const expected = DID_CSV_HEADER.length;
    if (record.fields.length !== expected) {
      const code = record.fields.length > expected ? "too_many_columns" : "too_few_columns";
      fail(inventoryCsvError(code, { found: record.fields.length, expected }));
      continue;
    }
    const cell = (column: Column) => record.fields[columns[column]]!.trim();
    const before = errors.length;

    const rawNumber = cell("number");
    const number = rawNumber ? normalizePhone(rawNumber, options.defaultCountry ?? "BR") : null;
    if (!rawNumber) fail(inventoryCsvError("missing_number"));
    else if (!number) fail(inventoryCsvError("invalid_number", { value: quote(rawNumber) }));
    else if (firstLineOf.has(number)) fail(inventoryCsvError("duplicate_in_file", { number, first: firstLineOf.get(number)! }));
    else firstLineOf.set(number, record.line);

    const providerName = cell("provider");
    const foundProvider = providerName ? provider(providerName) : undefined;
    if (!providerName) fail(inventoryCsvError("missing_provider"));
    else if (!foundProvider) fail(inventoryCsvError("unknown_provider", { name: quote(providerName) }));

    const gatewayName = cell("gateway");
    const foundGateway = gatewayName ? gateway(gatewayName) : undefined;
    if (gatewayName && !foundGateway) fail(inventoryCsvError("unknown_gateway", { name: quote(gatewayName) }));
    else if (foundGateway && foundProvider && foundGateway.providerId !== foundProvider.id) {
      fail(inventoryCsvError("gateway_not_of_provider", { gateway: foundGateway.name, provider: foundProvider.name }));
    }

    const rawCost = cell("monthly_cost");
    const cost = rawCost ? parseDecimalText(rawCost, 2, 8) : null;
    if (!cost) fail(inventoryCsvError("missing_cost"));
    else if (!cost.ok) fail(inventoryCsvError(cost.reason === "negative" ? "negative_cost" : "invalid_cost", { value: quote(rawCost) }));

    if (errors.length === before && number && foundProvider && cost?.ok) {
      rows.push({ line: record.line, number, providerId: foundProvider.id, gatewayId: foundGateway?.id ?? null, monthlyCost: cost.value });
    }
  }
  if (unterminatedQuoteAt !== null) errors.push({ line: unterminatedQuoteAt, reason: inventoryCsvError("unterminated_quote") });
  return { rows, records: data.length, errors };
}
