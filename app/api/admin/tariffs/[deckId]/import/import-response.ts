import type { Session } from "next-auth";
import { z } from "zod";
import { IMPORT_MODES, RATE_IMPORT_MAX_BYTES } from "@/lib/schemas/billing-tariffs";
import { getDictionary, translate } from "@/lib/i18n";
import { localeFromHeaders } from "@/server/trpc/context";
import { refusal, tariffsRouteCaller } from "../../tariffs-route-caller";

const Query = z.object({ mode: z.enum(IMPORT_MODES), note: z.string().max(400).optional() });

/**
 * A file's text. Spreadsheets in Portuguese often save CSV as Windows-1252, not UTF-8: bytes that
 * are not valid UTF-8 are read as Windows-1252, so "Móvel" survives either way.
 */
function decode(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/**
 * POST /api/admin/tariffs/<deckId>/import?mode=replace|merge[&note=…] with the CSV file as the
 * body: a plain upload, so the browser can show its progress (XMLHttpRequest's upload events),
 * then admin.tariffs.import — console sessions only, audited, all or nothing. Answers the
 * procedure's result as JSON (200 also for a file with bad lines: `ok: false` and the lines).
 */
export async function importDeckResponse(request: Request, session: Session | null, deckId: string): Promise<Response> {
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success || !z.uuid().safeParse(deckId).success) return Response.json({ message: "invalid request" }, { status: 400 });
  const declared = Number(request.headers.get("content-length") ?? 0);
  const tooLarge = () =>
    Response.json({ message: translate(getDictionary(localeFromHeaders(request.headers)), "tariffs.import.tooLarge") }, { status: 413 });
  if (declared > RATE_IMPORT_MAX_BYTES) return tooLarge();
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > RATE_IMPORT_MAX_BYTES) return tooLarge();
  try {
    const result = await tariffsRouteCaller(request, session).admin.tariffs.import({
      deckId,
      mode: query.data.mode,
      note: query.data.note,
      csv: decode(bytes),
    });
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return refusal(request, error);
  }
}
