import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listBackupSets } from "./config-backups";
import { configChecksum, syncConfigFiles } from "./sync-config-files";
import { startAsteriskLike, type AsteriskLike } from "./sync-test-kit";

// The sync on real files in a temporary folder, reloading over the AMI test server with the real
// AMI client (real TCP, Asterisk 22's wire format).

function endpoints(code: string, numbers: string[], secret = "s3cretValue01"): string {
  return numbers
    .map((n) =>
      [
        `[${code}_${n}]`,
        "type=endpoint",
        `context=t_${code}_internal`,
        `auth=${code}_${n}`,
        `aors=${code}_${n}`,
        `tenantid=${code}`,
        "",
        `[${code}_${n}]`,
        "type=auth",
        "auth_type=userpass",
        `username=${code}_${n}`,
        `password=${secret}`,
        "",
      ].join("\n"),
    )
    .join("\n");
}

function rendered(numbers: string[], extra = "", secret?: string): Record<string, string> {
  return {
    "pjsip_gateways.conf": "; gateways\n[gw_carrier]\ntype=endpoint\ncontext=linha_from_gateways\n",
    "pjsip_customer_trunks.conf": "; trunks\n",
    "pjsip_extensions.conf": `; extensions\n${endpoints("acme", numbers, secret)}`,
    "extensions_tenants.conf": `[t_acme_internal]\nexten => _1XXX,1,Dial(PJSIP/acme_\${EXTEN},30)\n${extra}`,
    "extensions_routes.conf": "; routes\n",
    "extensions_dids.conf": "; dids\n",
    "voicemail_tenants.conf": "[t_acme]\n",
  };
}

const expectedEndpoints = (numbers: string[]) => numbers.length + 1;

async function snapshot(dir: string): Promise<Record<string, { bytes: string; ino: number; mtimeMs: number }>> {
  const out: Record<string, { bytes: string; ino: number; mtimeMs: number }> = {};
  for (const name of (await readdir(dir)).filter((n) => n.endsWith(".conf"))) {
    const info = await stat(join(dir, name));
    out[name] = { bytes: await readFile(join(dir, name), "utf8"), ino: info.ino, mtimeMs: info.mtimeMs };
  }
  return out;
}

let dir: string;
let pbx: AsteriskLike;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "linha-sync-"));
  pbx = await startAsteriskLike(dir);
});

afterEach(async () => {
  await pbx.close();
  await rm(dir, { recursive: true, force: true });
});

describe("syncConfigFiles", () => {
  it("writes every file, reloads PJSIP, voicemail and the dialplan, and verifies the endpoint count", async () => {
    const files = rendered(["1001", "1002"]);
    const result = await syncConfigFiles(dir, files, { ami: pbx.client, verify: { endpoints: expectedEndpoints(["1001", "1002"]) } });
    expect(result.status).toBe("applied");
    expect(result.checksum).toBe(configChecksum(files));
    expect(result.changedFiles.sort()).toEqual(Object.keys(files).sort());
    expect(pbx.commands()).toEqual([
      "module reload res_pjsip.so",
      "module reload app_voicemail.so",
      "dialplan reload",
      "pjsip show endpoints",
    ]);
    for (const [name, text] of Object.entries(files)) expect(await readFile(join(dir, name), "utf8")).toBe(text);
    expect(result.diff).toContain("+++ b/pjsip_extensions.conf");
    expect(result.diff).toContain("+password=********");
    expect(result.diff).not.toContain("s3cretValue01");
    expect(result.pendingReload).toEqual([]);
  });

  it("unchanged config: no write (same inode and mtime), no reload, status unchanged", async () => {
    const files = rendered(["1001"]);
    await syncConfigFiles(dir, files, { ami: pbx.client, verify: { endpoints: 2 } });
    const before = await snapshot(dir);
    const actionsBefore = pbx.server.actions.length;
    const backupsBefore = await listBackupSets(dir);

    const result = await syncConfigFiles(dir, { ...files }, { ami: pbx.client, verify: { endpoints: 2 } });
    expect(result.status).toBe("unchanged");
    expect(result.changedFiles).toEqual([]);
    expect(result.diff).toBeNull();
    expect(await snapshot(dir)).toEqual(before);
    expect(pbx.server.actions.length).toBe(actionsBefore);
    expect(await listBackupSets(dir)).toEqual(backupsBefore);
  });

  it("reloads only what changed: a dialplan-only change does not reload PJSIP", async () => {
    await syncConfigFiles(dir, rendered(["1001"]), { ami: pbx.client, verify: { endpoints: 2 } });
    const seen = pbx.commands().length;
    const result = await syncConfigFiles(dir, rendered(["1001"], "exten => 9,1,Hangup()\n"), { ami: pbx.client, verify: { endpoints: 2 } });
    expect(result.status).toBe("applied");
    expect(result.changedFiles).toEqual(["extensions_tenants.conf"]);
    expect(pbx.commands().slice(seen)).toEqual(["dialplan reload"]);
  });

  it("a reload that fails: previous files restored byte for byte, reloaded again, failed with Asterisk's output", async () => {
    await syncConfigFiles(dir, rendered(["1001"]), { ami: pbx.client, verify: { endpoints: 2 } });
    const before = await snapshot(dir);
    const seen = pbx.commands().length;
    pbx.server.setModuleReload("res_pjsip.so", "error");

    const result = await syncConfigFiles(dir, rendered(["1001", "1002"]), { ami: pbx.client, verify: { endpoints: 3 } });
    expect(result.status).toBe("failed");
    expect(result.output).toContain("Module 'res_pjsip.so' reported a reload failure.");
    expect(result.output).toContain("The previous files were restored.");
    const after = await snapshot(dir);
    for (const [name, file] of Object.entries(before)) expect(after[name]!.bytes).toBe(file.bytes);
    // The first reload failed, then the restored files were reloaded.
    expect(pbx.commands().slice(seen)).toEqual(["module reload res_pjsip.so", "module reload res_pjsip.so"]);
    expect(result.changedFiles).toEqual(["pjsip_extensions.conf"]);
  });

  it("a wrong endpoint count after the reload: restored, reloaded again, failed with the reason", async () => {
    await syncConfigFiles(dir, rendered(["1001"]), { ami: pbx.client, verify: { endpoints: 2 } });
    const before = await readFile(join(dir, "pjsip_extensions.conf"));
    // Asterisk skipped one of the new endpoints (as sorcery does with an invalid object).
    pbx.server.setCommandHandler((command) => (command === "pjsip show endpoints" ? { output: ["", "Objects found: 2", ""] } : undefined));

    const result = await syncConfigFiles(dir, rendered(["1001", "1002"]), { ami: pbx.client, verify: { endpoints: 3 } });
    expect(result.status).toBe("failed");
    expect(result.output).toContain("expected 3 endpoints, Asterisk has 2");
    expect((await readFile(join(dir, "pjsip_extensions.conf"))).equals(before)).toBe(true);
    expect(pbx.commands().filter((c) => c === "module reload res_pjsip.so")).toHaveLength(3);
    expect(result.pendingReload).toEqual([]);
  });

  it("a failure between write and rename (hook) leaves the old file intact and reloads nothing", async () => {
    await syncConfigFiles(dir, rendered(["1001"]), { ami: pbx.client, verify: { endpoints: 2 } });
    const before = await snapshot(dir);
    const seen = pbx.commands().length;
    const result = await syncConfigFiles(dir, rendered(["1001", "1002"]), {
      ami: pbx.client,
      verify: { endpoints: 3 },
      hooks: {
        beforeRename: () => {
          throw new Error("simulated crash before rename");
        },
      },
    });
    expect(result.status).toBe("failed");
    expect(result.output).toContain("simulated crash before rename");
    expect(await snapshot(dir)).toEqual(before);
    expect(pbx.commands().length).toBe(seen);
    expect((await readdir(dir)).filter((n) => n.includes(".tmp-"))).toEqual([]);
  });

  it("a process killed with SIGKILL before the rename leaves the old file; the next sync removes the temp file and succeeds", async () => {
    await syncConfigFiles(dir, rendered(["1001"]), { ami: pbx.client, verify: { endpoints: 2 } });
    const before = await snapshot(dir);
    const next = rendered(["1001", "1002"]);
    const input = join(dir, "..", `${dir.split("/").pop()}-rendered.json`);
    await writeFile(input, JSON.stringify(next));
    const child = spawnSync(process.execPath, ["--import", "tsx", resolve("asterisk/sync/crash-before-rename.fixture.ts"), dir, input], {
      encoding: "utf8",
      timeout: 60_000,
    });
    await rm(input, { force: true });
    expect(child.signal, child.stderr).toBe("SIGKILL");

    const temps = (await readdir(dir)).filter((n) => n.includes(".tmp-"));
    expect(temps).toHaveLength(1);
    expect(temps[0]).toMatch(/^pjsip_extensions\.conf\.tmp-\d+-[0-9a-f]+$/);
    const after = await snapshot(dir);
    for (const [name, file] of Object.entries(before)) expect(after[name]!.bytes).toBe(file.bytes);

    const result = await syncConfigFiles(dir, next, { ami: pbx.client, verify: { endpoints: 3 } });
    expect(result.status).toBe("applied");
    expect(result.removedTempFiles).toEqual(temps);
    expect((await readdir(dir)).filter((n) => n.includes(".tmp-"))).toEqual([]);
    expect(await readFile(join(dir, "pjsip_extensions.conf"), "utf8")).toBe(next["pjsip_extensions.conf"]);
  });

  it("without a reachable PBX: files written, not_reloaded with the reason, modules pending; the next sync reloads them", async () => {
    const files = rendered(["1001"]);
    const result = await syncConfigFiles(dir, files, { ami: null, amiUnavailableReason: "connect ECONNREFUSED 127.0.0.1:5038" });
    expect(result.status).toBe("not_reloaded");
    expect(result.output).toMatch(/not reloaded.*ECONNREFUSED.*were written/s);
    expect(result.pendingReload).toEqual(["res_pjsip.so", "app_voicemail.so", "dialplan"]);
    expect(await readFile(join(dir, "pjsip_extensions.conf"), "utf8")).toBe(files["pjsip_extensions.conf"]);
    expect(pbx.commands()).toEqual([]);

    // Still down, nothing changed: nothing written, still pending.
    const still = await syncConfigFiles(dir, files, { ami: null, pendingReload: result.pendingReload });
    expect(still.status).toBe("not_reloaded");
    expect(still.pendingReload).toEqual(result.pendingReload);

    const back = await syncConfigFiles(dir, files, { ami: pbx.client, pendingReload: result.pendingReload, verify: { endpoints: 2 } });
    expect(back.status).toBe("applied");
    expect(back.changedFiles).toEqual([]);
    expect(back.pendingReload).toEqual([]);
    expect(pbx.commands()).toEqual([
      "module reload res_pjsip.so",
      "module reload app_voicemail.so",
      "dialplan reload",
      "pjsip show endpoints",
    ]);
  });

  it("the PBX dropping the connection during the reload keeps the new files as pending", async () => {
    pbx.server.onAction((action) => {
      if (action.fields["command"] === "module reload res_pjsip.so") {
        pbx.server.dropConnections();
        return { drop: true };
      }
      return undefined;
    });
    const files = rendered(["1001"]);
    const result = await syncConfigFiles(dir, files, { ami: pbx.client, verify: { endpoints: 2 } });
    expect(result.status).toBe("not_reloaded");
    expect(result.pendingReload).toEqual(["res_pjsip.so", "app_voicemail.so", "dialplan"]);
    expect(await readFile(join(dir, "pjsip_extensions.conf"), "utf8")).toBe(files["pjsip_extensions.conf"]);
  });

  it("keeps the last N backup sets, each holding the previous bytes", async () => {
    for (let i = 0; i < 5; i++) {
      await syncConfigFiles(dir, rendered(["1001"], `exten => ${i},1,Hangup()\n`), {
        ami: pbx.client,
        backupsToKeep: 3,
        verify: { endpoints: 2 },
      });
    }
    const sets = await listBackupSets(dir);
    expect(sets).toHaveLength(3);
    const newest = join(dir, ".backups", sets.at(-1)!);
    expect(await readFile(join(newest, "extensions_tenants.conf"), "utf8")).toContain("exten => 3,1,Hangup()");
    const manifest = JSON.parse(await readFile(join(newest, "manifest.json"), "utf8")) as { files: Record<string, boolean> };
    expect(manifest.files).toEqual({ "extensions_tenants.conf": true });
  });

  it("refuses a file name that is not a plain .conf name", async () => {
    await expect(syncConfigFiles(dir, { "../etc/passwd": "x" }, { ami: null })).rejects.toThrow(/not a config file name/);
  });
});
