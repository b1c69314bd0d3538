import { countEndpoints, renderPbxConfig } from "@/asterisk/config";
import type { PbxConfigModel, RenderedConfig } from "@/asterisk/config/model";

/** The node's files and the endpoint count Asterisk must report once they are loaded. */
export function renderNodeConfig(model: PbxConfigModel): { files: RenderedConfig; endpoints: number } {
  return { files: renderPbxConfig(model), endpoints: countEndpoints(model) };
}
