import { router } from "@/server/trpc/init";
import { didsRouter } from "./dids-router";
import { gatewaysRouter } from "./gateways-router";
import { pbxNodesRouter } from "./pbx-nodes-router";
import { providersRouter } from "./providers-router";

/** The operator's inventory: admin.inventory.{providers,gateways,pbxNodes,dids}.* */
export const adminInventoryRouter = router({
  providers: providersRouter,
  gateways: gatewaysRouter,
  pbxNodes: pbxNodesRouter,
  dids: didsRouter,
});
