"use client";

import { useCallback, useRef, useState } from "react";
import { useTRPCClient } from "@/components/providers/trpc-provider";
import type {
  LeadImportChunk,
  LeadImportDuplicate,
  LeadImportDuplicateMode,
  LeadImportField,
  LeadImportRowError,
} from "@/lib/schemas/lead-import";

export type ImportJob = {
  csv: string;
  fileName: string | undefined;
  mapping: (LeadImportField | null)[];
  duplicates: LeadImportDuplicateMode;
  chunks: LeadImportChunk[];
};

export type ImportTotals = {
  imported: number;
  errors: LeadImportRowError[];
  duplicates: LeadImportDuplicate[];
  /** Rows of the chunks sent so far (for "N of M"). */
  rowsDone: number;
  rowsTotal: number;
  /** Chunks committed; chunks[next] is the one to send (or retry). */
  next: number;
};

export type ImportRun = {
  state: "idle" | "running" | "done" | "cancelled" | "failed";
  totals: ImportTotals;
  /** The server's message when a chunk failed (that chunk imported nothing). */
  failure: string | null;
};

const EMPTY: ImportTotals = { imported: 0, errors: [], duplicates: [], rowsDone: 0, rowsTotal: 0, next: 0 };

/**
 * Sends the file's chunks one after another (each is one transaction on the server). Cancelling
 * stops after the chunk in flight; a failed chunk stops the run and can be retried from itself.
 */
export function useChunkedImport() {
  const client = useTRPCClient();
  const cancelled = useRef(false);
  const [run, setRun] = useState<ImportRun>({ state: "idle", totals: EMPTY, failure: null });
  const [cancelRequested, setCancelRequested] = useState(false);

  const walk = useCallback(
    async (job: ImportJob, from: ImportTotals): Promise<ImportRun> => {
      cancelled.current = false;
      setCancelRequested(false);
      let totals = from;
      setRun({ state: "running", totals, failure: null });
      while (totals.next < job.chunks.length) {
        if (cancelled.current) {
          const stopped: ImportRun = { state: "cancelled", totals, failure: null };
          setRun(stopped);
          return stopped;
        }
        const chunk = job.chunks[totals.next]!;
        try {
          const result = await client.leads.import.commit.mutate({
            csv: job.csv,
            mapping: job.mapping,
            duplicates: job.duplicates,
            fromLine: chunk.fromLine,
            toLine: chunk.toLine,
            fileName: job.fileName,
          });
          totals = {
            imported: totals.imported + result.imported,
            errors: [...totals.errors, ...result.errors],
            duplicates: [...totals.duplicates, ...result.duplicates],
            rowsDone: totals.rowsDone + chunk.rows,
            rowsTotal: totals.rowsTotal,
            next: totals.next + 1,
          };
          setRun({ state: "running", totals, failure: null });
        } catch (error) {
          const failed: ImportRun = { state: "failed", totals, failure: error instanceof Error ? error.message : String(error) };
          setRun(failed);
          return failed;
        }
      }
      const done: ImportRun = { state: "done", totals, failure: null };
      setRun(done);
      return done;
    },
    [client],
  );

  const start = useCallback((job: ImportJob) => walk(job, { ...EMPTY, rowsTotal: job.chunks.reduce((n, c) => n + c.rows, 0) }), [walk]);
  const resume = useCallback((job: ImportJob) => walk(job, run.totals), [walk, run.totals]);
  const cancel = useCallback(() => {
    cancelled.current = true;
    setCancelRequested(true);
  }, []);
  const reset = useCallback(() => setRun({ state: "idle", totals: EMPTY, failure: null }), []);

  return { run, start, resume, cancel, reset, cancelling: cancelRequested && run.state === "running" };
}
