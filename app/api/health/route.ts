import { pingDatabase } from "@/server/db";

export const dynamic = "force-dynamic";

export async function GET() {
  const started = Date.now();
  let database: { status: "up" | "down"; latencyMs?: number; error?: string };
  try {
    database = { status: "up", latencyMs: Math.round((await pingDatabase()) * 10) / 10 };
  } catch (error) {
    database = { status: "down", error: error instanceof Error ? error.message.split("\n")[0] : "unknown error" };
  }
  const ready = database.status === "up";
  return Response.json(
    { status: ready ? "ok" : "unavailable", checks: { database }, time: new Date(started).toISOString() },
    { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
