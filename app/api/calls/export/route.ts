import { currentSession } from "@/server/auth/session";
import { exportCallsResponse } from "./export-response";

export async function GET(request: Request) {
  return exportCallsResponse(request, await currentSession());
}
