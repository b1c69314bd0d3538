import { pingDatabase, withAdmin } from "@/server/db";
import { allPbxHealth } from "@/server/services/pbx/ami-connections";

export const dynamic = "force-dynamic";

type PbxNodeCheck = {
  id: string;
  name: string;
  /** The AMI connection's state in this process, or the node's stored status when this process holds no connection. */
  state: string;
  lastError: string | null;
  since: string | null;
  source: "connection" | "database";
};

type PbxCheck = { nodes: PbxNodeCheck[]; error?: string };

export async function GET() {
  const started = Date.now();
  let database: { status: "up" | "down"; latencyMs?: number; error?: string };
  try {
    database = { status: "up", latencyMs: Math.round((await pingDatabase()) * 10) / 10 };
  } catch (error) {
    database = { status: "down", error: firstLine(error) };
  }
  const pbx = await pbxCheck(database.status === "up");
  // Readiness is the database only: a PBX that is down degrades telephony, but the CRM and the
  // console (where the operator fixes the PBX) must keep being served, so it never makes us unready.
  const ready = database.status === "up";
  return Response.json(
    { status: ready ? "ok" : "unavailable", checks: { database, pbx }, time: new Date(started).toISOString() },
    { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}

async function pbxCheck(databaseUp: boolean): Promise<PbxCheck> {
  const live = new Map(allPbxHealth().map((node) => [node.nodeId, node]));
  const fromConnections = (): PbxNodeCheck[] =>
    [...live.values()].map(({ nodeId, name, health }) => ({
      id: nodeId,
      name,
      state: health.state,
      lastError: health.lastError,
      since: health.since.toISOString(),
      source: "connection",
    }));
  if (!databaseUp) return { nodes: fromConnections() };
  try {
    const rows = await withAdmin((db) =>
      db.pbxNode.findMany({
        select: { id: true, name: true, status: true, amiError: true, statusChangedAt: true },
        orderBy: { name: "asc" },
      }),
    );
    const nodes = rows.map((row): PbxNodeCheck => {
      const connection = live.get(row.id);
      if (connection) {
        const { health } = connection;
        return {
          id: row.id,
          name: row.name,
          state: health.state,
          lastError: health.lastError,
          since: health.since.toISOString(),
          source: "connection",
        };
      }
      return {
        id: row.id,
        name: row.name,
        state: row.status,
        lastError: row.amiError,
        since: row.statusChangedAt?.toISOString() ?? null,
        source: "database",
      };
    });
    return { nodes };
  } catch (error) {
    return { nodes: fromConnections(), error: firstLine(error) };
  }
}

function firstLine(error: unknown): string {
  return error instanceof Error ? (error.message.split("\n")[0] ?? "unknown error") : "unknown error";
}
