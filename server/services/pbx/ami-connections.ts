// PLACEHOLDER until the AMI engineer lands the connection manager (issue 5): same signatures.
import { AmiError, type AmiClient, type AmiHealth } from "@/asterisk/ami/types";

/** Runs fn with a logged-in AMI client of the node, or throws AmiError("not_connected"). */
export async function withNodeAmi<T>(_nodeId: string, _fn: (ami: AmiClient) => Promise<T>): Promise<T> {
  throw new AmiError("not_connected", "AMI connection manager not available yet");
}

export function pbxHealth(_nodeId: string): AmiHealth | null {
  return null;
}
