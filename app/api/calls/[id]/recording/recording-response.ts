import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import type { Session } from "next-auth";
import { z } from "zod";
import type { CallRecordingFile } from "@/lib/schemas/calls";
import { parseByteRange } from "@/server/services/calls/history/byte-range";
import { openableRecording } from "@/server/services/calls/history/recording-file";
import { pbxEnv } from "@/server/services/pbx/pbx-env";
import { callRouteCaller, refusal } from "../../call-route-caller";

const notFound = () => new Response("not found", { status: 404 });

/**
 * GET /api/calls/<id>/recording: the call's recording, only to whoever may open the call in this
 * tenant and only while the plan records calls (calls.history.recording decides). Range requests
 * answer 206 so the browser's player can seek; the file must sit inside `<RECORDINGS_DIR>/<slug>/`.
 */
export async function recordingResponse(request: Request, session: Session | null, callId: string): Promise<Response> {
  if (!z.uuid().safeParse(callId).success) return notFound();
  let file: CallRecordingFile;
  try {
    file = await callRouteCaller(request, session).calls.history.recording({ callId });
  } catch (error) {
    return refusal(request, error);
  }
  const found = await openableRecording(pbxEnv().recordingsDir, file.path);
  if (!found) return notFound();

  const headers = new Headers({
    "content-type": file.contentType,
    "accept-ranges": "bytes",
    // Private: a shared cache must never hand one tenant's recording to anyone else.
    "cache-control": "private, max-age=0, must-revalidate",
    "x-content-type-options": "nosniff",
  });
  const range = parseByteRange(request.headers.get("range"), found.size);
  if (range === "unsatisfiable") {
    headers.set("content-range", `bytes */${found.size}`);
    return new Response(null, { status: 416, headers });
  }
  const { start, end } = range ?? { start: 0, end: found.size - 1 };
  headers.set("content-length", String(Math.max(0, end - start + 1)));
  if (range) headers.set("content-range", `bytes ${start}-${end}/${found.size}`);
  const body = found.size === 0 ? null : (Readable.toWeb(createReadStream(found.absolute, { start, end })) as ReadableStream<Uint8Array>);
  return new Response(body, { status: range ? 206 : 200, headers });
}
