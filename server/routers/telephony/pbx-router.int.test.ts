import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addExtensions, addMember, makePbxNode, makeTenantOnNode, makeUser, syncRows } from "@/server/services/pbx/pbx-sync-fixtures";
import { runPbxSync } from "@/server/services/pbx/run-pbx-sync";
import { callerFor } from "@/server/testing/callers";

// telephony.pbx: a tenant sees its own node's sync and nothing of another tenant's: not the other
// tenants' lines of the diff, not Asterisk's raw output, not who forced a run.

let root: string;
let node: { id: string; name: string };
let otherNode: { id: string; name: string };
let acme: { id: string; slug: string; host: string };
let globex: { id: string; slug: string; host: string };
let elsewhere: { id: string; slug: string; host: string };
const emails: Record<string, string> = {};

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  return "OK";
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "linha-pbx-router-"));
  process.env.PBX_CONFIG_ROOT = root;
  node = await makePbxNode();
  otherNode = await makePbxNode();
  acme = await makeTenantOnNode(node.id);
  globex = await makeTenantOnNode(node.id);
  elsewhere = await makeTenantOnNode(otherNode.id);
  for (const [key, tenant, role] of [
    ["acmeAdmin", acme, "admin"],
    ["acmeManager", acme, "manager"],
    ["acmeRep", acme, "rep"],
    ["globexAdmin", globex, "admin"],
    ["elsewhereAdmin", elsewhere, "admin"],
  ] as const) {
    const user = await makeUser();
    await addMember(tenant.id, user.id, role);
    emails[key] = user.email;
  }
  await addExtensions(acme.id, ["1001"]);
  await addExtensions(globex.id, ["1001"]);
  await addExtensions(elsewhere.id, ["7001"]);
  // Both nodes unreachable: the runs write the files and record the diff, then say not_reloaded.
  await runPbxSync(node.id, { trigger: "manual", reason: "forced by operator@linha.local" });
  await runPbxSync(otherNode.id, { trigger: "manual", reason: "forced by someone" });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("telephony.pbx.status", () => {
  it("shows an admin its node, the last run without Asterisk's output, and only its own lines of the last change", async () => {
    const caller = await callerFor(emails.acmeAdmin!, acme.host);
    const status = await caller.telephony.pbx.status();
    expect(status.node).toMatchObject({ name: node.name, connected: false, pendingReload: true });
    expect(status.lastSync).toMatchObject({ status: "not_reloaded", output: null, reason: null });
    expect(status.canSync).toBe(true);
    const diff = status.lastChange!.diff!;
    expect(diff).toContain(`[${acme.slug}_1001]`);
    expect(diff).not.toContain(globex.slug);
    expect(diff).not.toContain(elsewhere.slug);
    expect(diff).not.toMatch(/password=(?!\*{8})/);
    expect(status.lastChange!.changedFiles).toContain("pjsip_extensions.conf");

    const globexStatus = await (await callerFor(emails.globexAdmin!, globex.host)).telephony.pbx.status();
    expect(globexStatus.lastChange!.diff).toContain(`[${globex.slug}_1001]`);
    expect(globexStatus.lastChange!.diff).not.toContain(acme.slug);
  });

  it("gives managers the status without the diff and without the sync button; reps are refused", async () => {
    const status = await (await callerFor(emails.acmeManager!, acme.host)).telephony.pbx.status();
    expect(status.node?.name).toBe(node.name);
    expect(status.lastChange).toBeNull();
    expect(status.canSync).toBe(false);
    expect(await code((await callerFor(emails.acmeRep!, acme.host)).telephony.pbx.status())).toBe("FORBIDDEN");
  });

  it("a read-only support session sees the status but cannot sync", async () => {
    const status = await (await callerFor("root@linha.local", acme.host, `support:${acme.slug}`)).telephony.pbx.status();
    expect(status.node?.name).toBe(node.name);
    expect(status.canSync).toBe(false);
  });

  it("a tenant on another node sees only that node", async () => {
    const status = await (await callerFor(emails.elsewhereAdmin!, elsewhere.host)).telephony.pbx.status();
    expect(status.node?.name).toBe(otherNode.name);
    expect(status.lastChange!.diff).toContain(`${elsewhere.slug}_7001`);
    expect(status.lastChange!.diff).not.toContain(acme.slug);
  });

  it("a tenant without a node gets an empty status", async () => {
    const loose = await makeTenantOnNode(null);
    const user = await makeUser();
    await addMember(loose.id, user.id, "admin");
    expect(await (await callerFor(user.email, loose.host)).telephony.pbx.status()).toEqual({
      node: null,
      lastSync: null,
      lastChange: null,
      canSync: false,
    });
  });
});

describe("telephony.pbx.history", () => {
  it("lists its node's runs newest first, summarised, keyset-paged", async () => {
    await runPbxSync(node.id, { trigger: "manual", reason: "again" });
    const caller = await callerFor(emails.acmeAdmin!, acme.host);
    const first = await caller.telephony.pbx.history({ limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toMatchObject({ output: null, reason: null });
    expect(first.nextCursor).toBe(first.items[0]!.id);
    const second = await caller.telephony.pbx.history({ limit: 1, cursor: first.nextCursor });
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    const ids = (await syncRows(node.id)).map((r) => r.id).reverse();
    expect([first.items[0]!.id, second.items[0]!.id]).toEqual(ids.slice(0, 2));
  });

  it("another node's run as a cursor is not found", async () => {
    const [foreign] = await syncRows(otherNode.id);
    const caller = await callerFor(emails.acmeAdmin!, acme.host);
    expect(await code(caller.telephony.pbx.history({ cursor: foreign!.id }))).toBe("NOT_FOUND");
    expect(await code((await callerFor(emails.acmeRep!, acme.host)).telephony.pbx.history())).toBe("FORBIDDEN");
  });
});
