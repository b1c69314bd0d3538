import type { Session } from "next-auth";
import { z } from "zod";
import { parseHost } from "@/lib/host";
import { rootDomain } from "@/lib/env";
import type { InvoiceView } from "@/lib/schemas/billing";
import { renderInvoiceCsv } from "@/server/services/billing/invoices/render-invoice-csv";
import { invoiceFileName, renderInvoicePdf } from "@/server/services/billing/invoices/render-invoice-pdf";
import { localeFromHeaders } from "@/server/trpc/context";
import { callRouteCaller, refusal } from "../calls/call-route-caller";

const notFound = () => new Response("not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * GET /api/invoices/<id>/pdf|csv on either host, read through the same procedures the pages use:
 * on the console's host admin.invoices.get (super admins, any invoice); on a tenant's host
 * billing.invoice (that tenant's admins and owners, never a draft, another tenant's invoice is 404).
 * Refusals are the procedures' own, as plain text in the user's language.
 */
export async function invoiceFileResponse(request: Request, session: Session | null, id: string, format: "pdf" | "csv"): Promise<Response> {
  if (!z.uuid().safeParse(id).success) return notFound();
  const target = parseHost(request.headers.get("host"), rootDomain());
  const caller = callRouteCaller(request, session);
  let invoice: InvoiceView;
  try {
    if (target.kind === "admin") invoice = await caller.admin.invoices.get({ id });
    else if (target.kind === "tenant") invoice = await caller.billing.invoice({ id });
    else return notFound();
  } catch (error) {
    return refusal(request, error);
  }
  const locale = localeFromHeaders(request.headers);
  const body = format === "pdf" ? await renderInvoicePdf(invoice, locale) : renderInvoiceCsv(invoice, locale);
  return new Response(body as BodyInit, {
    headers: {
      "content-type": format === "pdf" ? "application/pdf" : "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${invoiceFileName(invoice, locale, format)}"`,
      // Private: a shared cache must never hand one tenant's invoice to anyone else.
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
