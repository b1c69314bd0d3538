import { describe, expect, it } from "vitest";
import { callerFor } from "@/server/testing/callers";
import { makePbxNode, makeTenantOnNode, syncRows } from "./pbx-sync-fixtures";

// The console's tenant changes that change a node's config queue that node's sync (the queue is
// not running here: the requests stay queued rows, which is what is checked).

const consoleCaller = () => callerFor("root@linha.local", "admin.localhost:3000");

const reasons = async (nodeId: string) => (await syncRows(nodeId)).map((r) => `${r.status}:${r.reason}`);

describe("tenant changes in the console request PBX syncs", () => {
  it("suspend and reactivate sync the tenant's node", async () => {
    const node = await makePbxNode();
    const tenant = await makeTenantOnNode(node.id);
    const caller = await consoleCaller();
    await caller.admin.tenants.suspend({ id: tenant.id });
    expect(await reasons(node.id)).toEqual(["queued:tenant.suspend"]);
    await caller.admin.tenants.reactivate({ id: tenant.id });
    // Still waiting: the second request folded into the queued run.
    expect(await reasons(node.id)).toEqual(["queued:tenant.suspend"]);
  });

  it("moving a tenant to another node syncs both nodes; deleting it syncs the one it was on", async () => {
    const from = await makePbxNode();
    const to = await makePbxNode();
    const tenant = await makeTenantOnNode(from.id);
    const caller = await consoleCaller();
    await caller.admin.tenants.update({ id: tenant.id, data: { pbxNodeId: to.id } });
    expect(await reasons(from.id)).toEqual(["queued:tenant.update"]);
    expect(await reasons(to.id)).toEqual(["queued:tenant.update"]);

    const other = await makePbxNode();
    const doomed = await makeTenantOnNode(other.id);
    await caller.admin.tenants.delete({ id: doomed.id });
    expect(await reasons(other.id)).toEqual(["queued:tenant.delete"]);
  });
});
