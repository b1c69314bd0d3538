import type { z } from "zod";
import {
  LEAD_IMPORT_MAX_CHUNK_ROWS,
  leadImportMessage,
  type LeadImportCommitInput,
  type LeadImportCommitResult,
  type LeadImportDuplicate,
} from "@/lib/schemas/lead-import";
import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import type { ActivityActor } from "@/server/services/activities/record-activity";
import type { AuditEntry } from "@/server/services/audit/record-audit";
import { mayAssignTo, type CrmViewer } from "@/server/services/crm/access";
import { rescoreLeads } from "@/server/services/scoring/rescore-leads";
import { existingDuplicatesOf, loadExistingLeads } from "./find-existing-duplicates";
import { findFileDuplicates } from "./find-file-duplicates";
import { openLeadImportFile, parseRecords } from "./lead-import-file";
import { loadOwnerDirectory } from "./owner-directory";
import type { ParsedLeadRow } from "./parse-lead-row";
import { ownerColumnApplies } from "./preview-lead-import";

type Input = z.output<typeof LeadImportCommitInput>;
type Importer = { viewer: CrmViewer; actor: ActivityActor; audit: (entry: Omit<AuditEntry, "tenantId">) => Promise<void> };

const INSERT_BATCH = 250;

/**
 * Duplicates to leave out when the user chose to skip them. Only this chunk's rows are compared
 * with each other: a row repeating a row of an earlier chunk matches the lead that chunk created
 * (or, if that row was itself skipped, the same existing lead), so the database check covers it.
 */
async function duplicatesToSkip(db: TenantDb, viewer: CrmViewer, rows: ParsedLeadRow[]): Promise<LeadImportDuplicate[]> {
  const existing = await loadExistingLeads(
    db,
    viewer,
    rows.map((r) => r.keys),
  );
  return [...findFileDuplicates(rows), ...existingDuplicatesOf(rows, existing)].sort((a, b) => a.line - b.line);
}

function leadData(row: ParsedLeadRow, viewer: CrmViewer): Prisma.LeadCreateManyInput {
  const { ownerId, source, status, ...fields } = row.data;
  // Reps always own what they import; anyone else gives it to the named member, or keeps it.
  const owner = ownerId !== undefined && mayAssignTo(viewer, ownerId) ? ownerId : viewer.membershipId;
  return { ...fields, source: source ?? "other", status: status ?? "new", ownerId: owner };
}

/**
 * Imports the records starting on lines fromLine..toLine, in the request's one transaction: the
 * leads, a "created by import" timeline entry for each, one rescore and one audit entry. Bad rows
 * (and duplicates, when skipped) are reported by line and left out; any database failure rolls
 * back the whole chunk.
 */
export async function commitLeadImport(db: TenantDb, importer: Importer, input: Input): Promise<LeadImportCommitResult> {
  const { viewer, actor } = importer;
  const file = openLeadImportFile(input.csv, input.mapping);
  const records = file.records.filter((r) => r.line >= input.fromLine && r.line <= input.toLine);
  if (records.length > LEAD_IMPORT_MAX_CHUNK_ROWS) {
    throw new AppError("INVALID_INPUT", leadImportMessage("errors.chunkTooLarge", { max: LEAD_IMPORT_MAX_CHUNK_ROWS }));
  }
  const owners = ownerColumnApplies(viewer) && file.mapping.includes("owner") ? await loadOwnerDirectory(db) : null;
  const { valid, errors } = parseRecords(file, records, owners, [input.fromLine, input.toLine]);
  const duplicates = input.duplicates === "skip" ? await duplicatesToSkip(db, viewer, valid) : [];
  const skippedLines = new Set(duplicates.map((d) => d.line));
  const rows = valid.filter((r) => !skippedLines.has(r.line));

  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const created = await db.lead.createManyAndReturn({
      data: rows.slice(i, i + INSERT_BATCH).map((row) => leadData(row, viewer)),
      select: { id: true },
    });
    ids.push(...created.map((c) => c.id));
  }
  if (ids.length > 0) {
    const data: Prisma.InputJsonValue = input.fileName ? { source: "import", file: input.fileName } : { source: "import" };
    await db.activity.createMany({
      data: ids.map((leadId) => ({ kind: "lead_created" as const, leadId, data, actorUserId: actor.userId, actorName: actor.name })),
    });
    await rescoreLeads(db, ids);
  }
  const skipped = errors.length + skippedLines.size;
  await importer.audit({
    action: "lead.import",
    objectType: "lead",
    after: {
      file: input.fileName ?? null,
      fromLine: input.fromLine,
      toLine: input.toLine,
      imported: ids.length,
      skipped,
      invalid: errors.length,
      duplicates: input.duplicates,
    },
  });
  return { imported: ids.length, skipped, errors: errors.sort((a, b) => a.line - b.line), duplicates };
}
