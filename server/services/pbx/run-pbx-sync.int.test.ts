import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAsteriskLike, type AsteriskLike } from "@/asterisk/sync/sync-test-kit";
import type { PbxSync } from "@/prisma/generated/client";
import { ownerQuery } from "@/server/testing/owner-db";
import { addExtensions, makePbxNode, makeTenantOnNode, nodeRow, pointNodeAt, syncRows } from "./pbx-sync-fixtures";
import { nodeConfigDir } from "./node-config-dir";
import { runPbxSync } from "./run-pbx-sync";

// The database side of the sync: a node of its own, tenants of its own, files under a temporary
// PBX_CONFIG_ROOT, and the AMI test server in place of Asterisk (reached through withNodeAmi, as
// in production). Other test files add operator-wide gateways and routes at any moment, so a run
// may legitimately see changes it did not cause; assertions are about this node's own rows.

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "linha-pbx-root-"));
  process.env.PBX_CONFIG_ROOT = root;
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Runs syncs until one finds nothing to do (another test may have just added a gateway). */
async function runUntilUnchanged(nodeId: string, pbx: AsteriskLike | null) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const commandsBefore = pbx?.commands().length ?? 0;
    const run = await runPbxSync(nodeId, { trigger: "manual", reason: "test" });
    if (run?.status === "unchanged") return { run, commandsDuring: (pbx?.commands().length ?? 0) - commandsBefore };
  }
  throw new Error("the node's config never settled");
}

describe("runPbxSync", () => {
  it("applies a node's config: files in <PBX_CONFIG_ROOT>/<node id>/, reloaded and verified, recorded on the run and the node", async () => {
    const node = await makePbxNode();
    const dir = nodeConfigDir(node.id);
    expect(dir).toBe(join(root, node.id));
    const pbx = await startAsteriskLike(dir);
    try {
      await pointNodeAt(node.id, { host: pbx.server.host, port: pbx.server.port });
      const acme = await makeTenantOnNode(node.id);
      await addExtensions(acme.id, ["1001", "1002"]);

      const run = await runPbxSync(node.id, { trigger: "manual", reason: "first" });
      expect(run?.status).toBe("applied");
      expect(run?.changedFiles).toContain("pjsip_extensions.conf");
      expect(run?.durationMs).toBeGreaterThanOrEqual(0);
      const extensions = await readFile(join(dir, "pjsip_extensions.conf"), "utf8");
      expect(extensions).toContain(`[${acme.slug}_1001]`);
      expect(run?.diff).toContain(`+[${acme.slug}_1002]`);
      expect(run?.diff).not.toMatch(/password=(?!\*{8})/);
      expect(pbx.commands()).toContain("module reload res_pjsip.so");
      expect(pbx.commands()).toContain("pjsip show endpoints");
      const stored = await nodeRow(node.id);
      expect(stored.configChecksum).toBe(run?.checksum);
      expect(stored.pendingReload).toEqual([]);

      const { run: again, commandsDuring } = await runUntilUnchanged(node.id, pbx);
      expect(again.changedFiles).toEqual([]);
      expect(commandsDuring).toBe(0);
    } finally {
      await pbx.close();
    }
  });

  it("a reload Asterisk refuses: previous files restored, the run failed with Asterisk's output, the checksum kept", async () => {
    const node = await makePbxNode();
    const dir = nodeConfigDir(node.id);
    const pbx = await startAsteriskLike(dir);
    try {
      await pointNodeAt(node.id, { host: pbx.server.host, port: pbx.server.port });
      const tenant = await makeTenantOnNode(node.id);
      await addExtensions(tenant.id, ["2001"]);
      const first = await runPbxSync(node.id, { trigger: "manual", reason: "first" });
      expect(first?.status).toBe("applied");
      const before = await readFile(join(dir, "pjsip_extensions.conf"));

      await addExtensions(tenant.id, ["2002"]);
      pbx.server.setModuleReload("res_pjsip.so", "error");
      const failed = await runPbxSync(node.id, { trigger: "manual", reason: "second" });
      expect(failed?.status).toBe("failed");
      expect(failed?.output).toContain("Module 'res_pjsip.so' reported a reload failure.");
      expect((await readFile(join(dir, "pjsip_extensions.conf"))).equals(before)).toBe(true);
      expect(pbx.commands().filter((c) => c === "module reload res_pjsip.so").length).toBeGreaterThanOrEqual(3);
      const stored = await nodeRow(node.id);
      expect(stored.configChecksum).toBe(first?.checksum);
    } finally {
      await pbx.close();
    }
  });

  it("without a reachable PBX: files written under the node's folder, not_reloaded explaining why, pending; the next sync reloads", async () => {
    const node = await makePbxNode({ host: "127.0.0.1", port: 1 });
    const tenant = await makeTenantOnNode(node.id);
    await addExtensions(tenant.id, ["3001"]);

    const run = await runPbxSync(node.id, { trigger: "manual", reason: "pbx down" });
    expect(run?.status).toBe("not_reloaded");
    expect(run?.output).toMatch(/Asterisk was not reloaded: the PBX could not be reached over AMI/);
    const dir = nodeConfigDir(node.id);
    expect((await readdir(dir)).filter((f) => f.endsWith(".conf")).sort()).toEqual(
      [
        "extensions_dids.conf",
        "extensions_routes.conf",
        "extensions_tenants.conf",
        "pjsip_customer_trunks.conf",
        "pjsip_extensions.conf",
        "pjsip_gateways.conf",
        "voicemail_tenants.conf",
      ].sort(),
    );
    expect((await nodeRow(node.id)).pendingReload).toEqual(["res_pjsip.so", "app_voicemail.so", "dialplan"]);

    const pbx = await startAsteriskLike(dir);
    try {
      await pointNodeAt(node.id, { host: pbx.server.host, port: pbx.server.port });
      const back = await runPbxSync(node.id, { trigger: "startup", reason: "pbx.connected" });
      expect(["applied"]).toContain(back?.status);
      expect(pbx.commands()).toEqual(
        expect.arrayContaining(["module reload res_pjsip.so", "module reload app_voicemail.so", "dialplan reload"]),
      );
      expect((await nodeRow(node.id)).pendingReload).toEqual([]);
    } finally {
      await pbx.close();
    }
  });

  it("two concurrent runs on one node never overlap (advisory lock)", async () => {
    const node = await makePbxNode();
    const dir = nodeConfigDir(node.id);
    // Slow reloads widen the window in which a second run could sneak in.
    const pbx = await startAsteriskLike(dir, { reloadDelayMs: 300 });
    try {
      await pointNodeAt(node.id, { host: pbx.server.host, port: pbx.server.port });
      const tenant = await makeTenantOnNode(node.id);
      await addExtensions(tenant.id, ["4001"]);
      const [a, b] = await Promise.all([
        runPbxSync(node.id, { trigger: "manual", reason: "a" }),
        runPbxSync(node.id, { trigger: "manual", reason: "b" }),
      ]);
      const [first, second] = [a!, b!].sort((x, y) => x.startedAt!.getTime() - y.startedAt!.getTime()) as [PbxSync, PbxSync];
      expect(second.startedAt!.getTime()).toBeGreaterThanOrEqual(first.finishedAt!.getTime());
      expect(first.status).toBe("applied");
    } finally {
      await pbx.close();
    }
  });

  it("a value the renderer refuses fails the run with the reason and writes nothing", async () => {
    const node = await makePbxNode();
    const tenant = await makeTenantOnNode(node.id);
    await addExtensions(tenant.id, ["5001"]);
    // A row that slipped past the forms (written behind the app's back): the renderer refuses it.
    await ownerQuery(
      `INSERT INTO "Trunk" (id, "tenantId", name, "authMode", "ipMatches", host, "updatedAt")
       VALUES (gen_random_uuid(), $1, 'pabx', 'ip', ARRAY['203.0.113.7' || chr(10) || '[evil]'], '203.0.113.7', now())`,
      [tenant.id],
    );
    const run = await runPbxSync(node.id, { trigger: "manual", reason: "bad" });
    expect(run?.status).toBe("failed");
    expect(run?.output).toContain("pjsip_customer_trunks.conf");
    expect(run?.output).toContain("ipMatches");
    expect(run?.output).not.toContain("[evil]");
    await expect(readdir(nodeConfigDir(node.id))).rejects.toThrow();
    expect((await syncRows(node.id)).map((r) => r.status)).toEqual(["failed"]);
  });
});
