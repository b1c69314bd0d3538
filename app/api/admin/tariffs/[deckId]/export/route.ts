import { currentSession } from "@/server/auth/session";
import { exportDeckResponse } from "./export-response";

export async function GET(request: Request, { params }: { params: Promise<{ deckId: string }> }) {
  return exportDeckResponse(request, await currentSession(), (await params).deckId);
}
