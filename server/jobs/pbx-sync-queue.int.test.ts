import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAsteriskLike, type AsteriskLike } from "@/asterisk/sync/sync-test-kit";
import { nodeConfigDir } from "@/server/services/pbx/node-config-dir";
import { addExtensions, eventually, makePbxNode, makeTenantOnNode, pointNodeAt, syncRows } from "@/server/services/pbx/pbx-sync-fixtures";
import { requestPbxSync, requestTenantPbxSync } from "@/server/services/pbx/sync-requests";
import { startPbxSyncWorkers, stopPbxSyncWorkers } from "./pbx-sync-queue";

// The sync queue end to end through pg-boss (on the test database's owner connection), with the
// AMI test server in place of Asterisk. Only this file's own node is worked.

let root: string;
let node: { id: string; name: string };
let pbx: AsteriskLike;
let tenant: { id: string; slug: string };

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "linha-queue-root-"));
  process.env.PBX_CONFIG_ROOT = root;
  process.env.PBX_SYNC_DEBOUNCE_MS = "400";
  node = await makePbxNode();
  pbx = await startAsteriskLike(nodeConfigDir(node.id));
  await pointNodeAt(node.id, { host: pbx.server.host, port: pbx.server.port });
  tenant = await makeTenantOnNode(node.id);
  await addExtensions(tenant.id, ["1001"]);
});

afterAll(async () => {
  await stopPbxSyncWorkers();
  await pbx.close();
  await rm(root, { recursive: true, force: true });
});

const finished = (status: string) => !["queued", "running"].includes(status);

describe("the PBX sync queue", () => {
  it("while the queue is down a request never throws: the row stays queued, and the app's start runs it", async () => {
    const { syncId } = await requestPbxSync({ nodeId: node.id, trigger: "auto", reason: "extension.create" });
    expect(syncId).toBeTruthy();
    expect((await syncRows(node.id)).map((r) => r.status)).toEqual(["queued"]);

    expect(await startPbxSyncWorkers({ connectionString: inject("ownerUrl"), nodeIds: [node.id] })).toBe(true);
    const row = await eventually(async () => (await syncRows(node.id)).find((r) => r.id === syncId && finished(r.status)));
    expect(row.status).toBe("applied");
    // The startup request folded into the queued row instead of adding one.
    expect(row.trigger).toBe("startup");
    expect(await syncRows(node.id)).toHaveLength(1);
  });

  it("debounced automatic requests coalesce into one run", async () => {
    await addExtensions(tenant.id, ["1002"]);
    const before = (await syncRows(node.id)).length;
    const ids: (string | null)[] = [];
    for (const reason of ["extension.create", "extension.update", "did.route"]) {
      ids.push((await requestPbxSync({ nodeId: node.id, trigger: "auto", reason })).syncId);
    }
    await requestTenantPbxSync(tenant.id, "ring_group.update");
    expect(new Set(ids).size).toBe(1);
    const row = await eventually(async () => (await syncRows(node.id)).find((r) => r.id === ids[0] && finished(r.status)));
    expect(row.status).toBe("applied");
    expect(row.changedFiles).toContain("pjsip_extensions.conf");
    // Later wake-ups find nothing queued: still one run for the four requests.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await syncRows(node.id)).length).toBe(before + 1);
  });

  it("a forced request runs at once through pg-boss, end to end", async () => {
    const started = Date.now();
    const { syncId } = await requestPbxSync({ nodeId: node.id, trigger: "manual", reason: "forced by test" });
    const row = await eventually(async () => (await syncRows(node.id)).find((r) => r.id === syncId && finished(r.status)));
    expect(["applied", "unchanged"]).toContain(row.status);
    expect(row.trigger).toBe("manual");
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("a tenant without a node asks for nothing", async () => {
    const loose = await makeTenantOnNode(null);
    await expect(requestTenantPbxSync(loose.id, "extension.create")).resolves.toBeUndefined();
  });
});
