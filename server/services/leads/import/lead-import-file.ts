import {
  LEAD_IMPORT_MAX_ROWS,
  leadImportMessage,
  type LeadImportField,
  type LeadImportMapping,
  type LeadImportRowError,
} from "@/lib/schemas/lead-import";
import { AppError } from "@/server/errors";
import type { CsvRecord } from "@/server/services/inventory/read-csv-records";
import { parseLeadRow, type ParsedLeadRow } from "./parse-lead-row";
import type { OwnerDirectory } from "./owner-directory";
import { readLeadCsv, type LeadCsv } from "./read-lead-csv";
import { suggestLeadMapping } from "./suggest-mapping";

export type LeadImportFile = LeadCsv & { mapping: (LeadImportField | null)[]; mappingSuggested: boolean };

const invalid = (path: string, params?: Record<string, string | number>) =>
  new AppError("INVALID_INPUT", leadImportMessage(path, params), { fieldErrors: { csv: [leadImportMessage(path, params)] } });

/**
 * Reads the file and settles the mapping, refusing (and changing nothing) what cannot be
 * imported at all: no header, no data rows, too many rows, a mapping for other columns.
 */
export function openLeadImportFile(text: string, mapping: LeadImportMapping | undefined): LeadImportFile {
  const csv = readLeadCsv(text);
  if (csv.header.length === 0) {
    throw csv.unterminatedQuoteAt ? invalid("errors.unterminatedQuote", { line: csv.unterminatedQuoteAt }) : invalid("errors.emptyFile");
  }
  if (csv.records.length === 0 && csv.unterminatedQuoteAt === null) throw invalid("errors.noRows");
  if (csv.records.length > LEAD_IMPORT_MAX_ROWS) {
    throw invalid("errors.tooManyRows", { max: LEAD_IMPORT_MAX_ROWS, found: csv.records.length });
  }
  if (mapping && mapping.length !== csv.header.length) {
    throw new AppError("INVALID_INPUT", leadImportMessage("errors.mappingMismatch"), {
      fieldErrors: { mapping: [leadImportMessage("errors.mappingMismatch")] },
    });
  }
  return { ...csv, mapping: mapping ?? suggestLeadMapping(csv.header), mappingSuggested: !mapping };
}

export type ParsedRecords = { valid: ParsedLeadRow[]; errors: LeadImportRowError[] };

/** Every record validated; a quote left open is reported on its line when it falls among `records`. */
export function parseRecords(file: LeadImportFile, records: readonly CsvRecord[], owners: OwnerDirectory | null, range?: [number, number]) {
  const valid: ParsedLeadRow[] = [];
  const errors: LeadImportRowError[] = [];
  for (const record of records) {
    const result = parseLeadRow(record, { header: file.header, mapping: file.mapping, owners });
    if (result.ok) valid.push(result.row);
    else errors.push(result.error);
  }
  const open = file.unterminatedQuoteAt;
  if (open !== null && (!range || (open >= range[0] && open <= range[1]))) {
    errors.push({ line: open, problems: [{ field: "row", reason: leadImportMessage("reason.unterminatedQuote") }] });
  }
  return { valid, errors } satisfies ParsedRecords;
}
