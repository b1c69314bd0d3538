import type { Session } from "next-auth";
import { CallHistoryFilter, type CallHistoryPage } from "@/lib/schemas/calls";
import { callsCsv } from "@/server/services/calls/history/calls-csv";
import { dayKey } from "@/server/services/calls/history/history-days";
import { localeFromHeaders } from "@/server/trpc/context";
import { callRouteCaller, refusal } from "../call-route-caller";

const PAGE = 100;
const FILTER_PARAMS = ["from", "to", "direction", "disposition", "userId", "leadId", "number"] as const;

/**
 * GET /api/calls/export?from=…&to=…&direction=…: the filtered history as CSV, streamed page by page
 * through calls.history.list (each page its own short transaction, keyset-paged, so a large history
 * neither holds a transaction open nor sits in memory). Errors before the first byte are HTTP errors.
 */
export async function exportCallsResponse(request: Request, session: Session | null): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const raw = Object.fromEntries(FILTER_PARAMS.flatMap((key) => (params.get(key) ? [[key, params.get(key)]] : [])));
  const filter = CallHistoryFilter.safeParse(raw);
  if (!filter.success) return new Response("invalid filter", { status: 400 });

  const caller = callRouteCaller(request, session);
  const locale = localeFromHeaders(request.headers);
  const csv = callsCsv(locale);
  let page: CallHistoryPage;
  try {
    page = await caller.calls.history.list({ ...filter.data, limit: PAGE });
  } catch (error) {
    return refusal(request, error);
  }

  const encoder = new TextEncoder();
  let next: CallHistoryPage | null = page;
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csv.header()));
      }
      if (!next) return controller.close();
      const current: CallHistoryPage = next;
      if (current.items.length > 0) controller.enqueue(encoder.encode(csv.rows(current.items)));
      next = current.nextCursor ? await caller.calls.history.list({ ...filter.data, limit: PAGE, cursor: current.nextCursor }) : null;
    },
  });
  const name = `${locale === "pt-BR" ? "chamadas" : "calls"}-${dayKey(new Date())}.csv`;
  return new Response(body, {
    headers: {
      "content-type": `text/csv; charset=utf-8`,
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "private, no-store",
    },
  });
}
