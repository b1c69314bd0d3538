import { currentSession } from "@/server/auth/session";
import { recordingResponse } from "./recording-response";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return recordingResponse(request, await currentSession(), (await params).id);
}
