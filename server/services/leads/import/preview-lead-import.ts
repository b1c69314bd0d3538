import {
  LEAD_IMPORT_CHUNK_ROWS,
  LEAD_IMPORT_PREVIEW_LIST_MAX,
  type LeadImportChunk,
  type LeadImportPreview,
  LeadImportPreviewInput,
} from "@/lib/schemas/lead-import";
import type { z } from "zod";
import type { TenantDb } from "@/server/db";
import type { CrmViewer } from "@/server/services/crm/access";
import type { CsvRecord } from "@/server/services/inventory/read-csv-records";
import { existingDuplicatesOf, loadExistingLeads } from "./find-existing-duplicates";
import { findFileDuplicates } from "./find-file-duplicates";
import { openLeadImportFile, parseRecords } from "./lead-import-file";
import { loadOwnerDirectory } from "./owner-directory";

const SAMPLE_ROWS = 5;

/** Consecutive records in groups of `size`, as CSV line ranges (a record may span lines). */
export function chunkRecords(records: readonly CsvRecord[], size = LEAD_IMPORT_CHUNK_ROWS): LeadImportChunk[] {
  const chunks: LeadImportChunk[] = [];
  for (let i = 0; i < records.length; i += size) {
    const part = records.slice(i, i + size);
    chunks.push({ fromLine: part[0]!.line, toLine: part.at(-1)!.line, rows: part.length });
  }
  return chunks;
}

/** A rep's import is always theirs, so for a rep the owner column is neither read nor checked. */
export const ownerColumnApplies = (viewer: CrmViewer) => viewer.role !== "rep";

/**
 * The dry run: reads the whole file, validates every row with the lead form's schemas and finds
 * duplicates within the file and against the tenant's leads. Writes nothing.
 */
export async function previewLeadImport(
  db: TenantDb,
  viewer: CrmViewer,
  input: z.output<typeof LeadImportPreviewInput>,
): Promise<LeadImportPreview> {
  const file = openLeadImportFile(input.csv, input.mapping);
  const ownerIgnored = !ownerColumnApplies(viewer);
  const base = {
    header: file.header,
    delimiter: file.delimiter,
    mapping: file.mapping,
    mappingSuggested: file.mappingSuggested,
    sample: file.records.slice(0, SAMPLE_ROWS).map((r) => r.fields),
    rows: file.records.length,
    chunks: chunkRecords(file.records),
    ownerIgnored,
  };
  // A guessed mapping without a name column cannot be checked yet: the wizard asks for one first.
  if (!file.mapping.includes("name")) return { ...base, valid: 0, invalid: 0, duplicateRows: 0, errors: [], duplicates: [] };

  const owners = ownerColumnApplies(viewer) && file.mapping.includes("owner") ? await loadOwnerDirectory(db) : null;
  const { valid, errors } = parseRecords(file, file.records, owners);
  const existing = await loadExistingLeads(
    db,
    viewer,
    valid.map((r) => r.keys),
  );
  const duplicates = [...findFileDuplicates(valid), ...existingDuplicatesOf(valid, existing)].sort(
    (a, b) => a.line - b.line || (a.firstLine === null ? 1 : 0) - (b.firstLine === null ? 1 : 0),
  );
  return {
    ...base,
    valid: valid.length,
    invalid: errors.length,
    duplicateRows: new Set(duplicates.map((d) => d.line)).size,
    errors: errors.sort((a, b) => a.line - b.line).slice(0, LEAD_IMPORT_PREVIEW_LIST_MAX),
    duplicates: duplicates.slice(0, LEAD_IMPORT_PREVIEW_LIST_MAX),
  };
}
