import { currentSession } from "@/server/auth/session";
import { invoiceFileResponse } from "../../invoice-file-response";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return invoiceFileResponse(request, await currentSession(), (await params).id, "pdf");
}
