import { z } from "zod";
import type { AmiHealth } from "@/asterisk/ami/types";
import type { PbxNodeStatus } from "@/prisma/generated/client";

// What the console shows as a node's connection. The live AMI health of this app process wins;
// without one (this process holds no connection: another instance does, or the connector is not
// running) the status the connector last wrote to PbxNode is shown, and says so.

export const PBX_CONNECTION_STATES = ["connected", "connecting", "disconnected", "auth_failed", "maintenance", "unknown"] as const;

export const PbxConnection = z.object({
  state: z.enum(PBX_CONNECTION_STATES),
  /** Why it is not connected (e.g. "connect ECONNREFUSED 127.0.0.1:5038"), when known. */
  reason: z.string().nullable(),
  since: z.date().nullable(),
  nextRetryAt: z.date().nullable(),
  attempts: z.number().int(),
  source: z.enum(["live", "database"]),
});
export type PbxConnection = z.infer<typeof PbxConnection>;

type NodeStatusRow = { status: PbxNodeStatus; statusChangedAt: Date | null; amiError: string | null };

export function pbxConnection(node: NodeStatusRow, health: AmiHealth | null): PbxConnection {
  // Maintenance is the operator's word: the connector never overwrites it, neither do we.
  if (node.status === "maintenance") {
    return { state: "maintenance", reason: null, since: node.statusChangedAt, nextRetryAt: null, attempts: 0, source: "database" };
  }
  if (health) {
    const state =
      health.state === "connected"
        ? "connected"
        : health.state === "auth_failed"
          ? "auth_failed"
          : health.state === "connecting" && health.attempts === 0
            ? "connecting"
            : "disconnected";
    return {
      state,
      reason: state === "connected" ? null : (health.lastError ?? node.amiError),
      since: health.since,
      nextRetryAt: health.nextRetryAt,
      attempts: health.attempts,
      source: "live",
    };
  }
  return {
    state: node.status,
    reason: node.status === "connected" ? null : node.amiError,
    since: node.statusChangedAt,
    nextRetryAt: null,
    attempts: 0,
    source: "database",
  };
}
