import { join } from "node:path";
import { pbxEnv } from "./pbx-env";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Where this app writes a node's generated files: `<PBX_CONFIG_ROOT>/<node id>/` (default
 * `<LINHA_DATA_DIR>/asterisk/<node id>/`). The PBX host reads them from the node's `configDir`
 * (the base files in asterisk/etc `#include` them from there): mount or copy this folder there.
 */
export function nodeConfigDir(nodeId: string): string {
  // The id becomes a path segment: only a UUID may.
  if (!UUID.test(nodeId)) throw new Error(`not a PBX node id: ${JSON.stringify(nodeId)}`);
  return join(pbxEnv().configRoot, nodeId.toLowerCase());
}
