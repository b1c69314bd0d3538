import type { ImportLineError, ImportMode } from "@/lib/schemas/billing-tariffs";

type VersionCounts = { number: number; rateCount: number; added: number; changed: number; removed: number };

export type UploadOutcome =
  | { kind: "imported"; rows: number; version: VersionCounts }
  | { kind: "rejected"; rows: number; badLines: number; errors: ImportLineError[] }
  | { kind: "failed"; message: string };

type Upload = { deckId: string; mode: ImportMode; note: string; file: Blob; onProgress: (percent: number) => void };

/**
 * Sends the file to /api/admin/tariffs/<deckId>/import as the request body. XMLHttpRequest, not
 * fetch: only it reports an upload's progress. 100 % means the server has the file and is checking it.
 */
export function uploadRates({ deckId, mode, note, file, onProgress }: Upload): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const query = new URLSearchParams({ mode });
    if (note) query.set("note", note);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/admin/tariffs/${deckId}/import?${query}`);
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.min(99, Math.floor((event.loaded / event.total) * 100)));
    };
    xhr.upload.onload = () => onProgress(100);
    xhr.onload = () => {
      const body = xhr.response as
        | { ok: true; rows: number; version: VersionCounts }
        | { ok: false; rows: number; badLines: number; errors: ImportLineError[] }
        | { message?: string }
        | null;
      if (xhr.status === 200 && body && "ok" in body) {
        return resolve(
          body.ok
            ? { kind: "imported", rows: body.rows, version: body.version }
            : { kind: "rejected", rows: body.rows, badLines: body.badLines, errors: body.errors },
        );
      }
      resolve({ kind: "failed", message: (body && "message" in body && body.message) || `HTTP ${xhr.status}` });
    };
    xhr.onerror = () => resolve({ kind: "failed", message: "network error" });
    xhr.send(file);
  });
}
