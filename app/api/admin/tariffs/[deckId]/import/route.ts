import { currentSession } from "@/server/auth/session";
import { importDeckResponse } from "./import-response";

export async function POST(request: Request, { params }: { params: Promise<{ deckId: string }> }) {
  return importDeckResponse(request, await currentSession(), (await params).deckId);
}
