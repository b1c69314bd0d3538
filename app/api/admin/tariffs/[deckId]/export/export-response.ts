import type { Session } from "next-auth";
import { z } from "zod";
import { refusal, tariffsRouteCaller } from "../../tariffs-route-caller";

const Query = z.object({ version: z.uuid().optional() });

/**
 * GET /api/admin/tariffs/<deckId>/export[?version=<versionId>]: one version of a deck (the current
 * one by default) as a CSV download in the format the import reads back. Console sessions only,
 * through admin.tariffs.export.
 */
export async function exportDeckResponse(request: Request, session: Session | null, deckId: string): Promise<Response> {
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success || !z.uuid().safeParse(deckId).success) return Response.json({ message: "invalid request" }, { status: 400 });
  try {
    const file = await tariffsRouteCaller(request, session).admin.tariffs.export({ deckId, versionId: query.data.version ?? null });
    return new Response(file.csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${file.fileName}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return refusal(request, error);
  }
}
