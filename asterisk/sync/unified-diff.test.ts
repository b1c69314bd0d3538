import { describe, expect, it } from "vitest";
import { filterDiffForTenant, tenantCodesIn } from "./tenant-diff";
import { DIFF_CAP_BYTES, joinDiffs, maskSecretLine, unifiedDiff } from "./unified-diff";

/** Applies a unified diff produced by unifiedDiff to `before`; throws when a hunk does not fit. */
function applyDiff(before: string, diff: string): string {
  const lines = before === "" ? [] : before.replace(/\n$/, "").split("\n");
  const out: string[] = [];
  let cursor = 0;
  const diffLines = diff.split("\n");
  for (let i = 0; i < diffLines.length; i++) {
    const header = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$/.exec(diffLines[i]!);
    if (!header) continue;
    const oldStart = Number(header[2]) === 0 ? Number(header[1]) : Number(header[1]) - 1;
    while (cursor < oldStart) out.push(lines[cursor++]!);
    for (i = i + 1; i < diffLines.length && /^[ +-]/.test(diffLines[i]!) && !diffLines[i]!.startsWith("--- "); i++) {
      const line = diffLines[i]!;
      if (line[0] === " ") {
        expect(lines[cursor]).toBe(line.slice(1));
        out.push(lines[cursor++]!);
      } else if (line[0] === "-") {
        expect(lines[cursor]).toBe(line.slice(1));
        cursor++;
      } else out.push(line.slice(1));
    }
    i--;
  }
  while (cursor < lines.length) out.push(lines[cursor++]!);
  return out.length ? `${out.join("\n")}\n` : "";
}

function randomText(rand: () => number, lines: number): string {
  const words = [
    "[acme_1001]",
    "type=endpoint",
    "context=t_acme_internal",
    "allow=ulaw",
    "",
    "exten => 1001,1,Dial(PJSIP/acme_1001)",
    "max_contacts=1",
  ];
  return Array.from({ length: lines }, () => words[Math.floor(rand() * words.length)]).join("\n") + "\n";
}

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

describe("unifiedDiff", () => {
  it("is empty for equal texts and shows a one-line change with context", () => {
    expect(unifiedDiff("a.conf", "x\n", "x\n")).toBe("");
    const before = "1\n2\n3\n4\n5\n6\n7\n8\n";
    const after = "1\n2\n3\n4\nfive\n6\n7\n8\n";
    expect(unifiedDiff("a.conf", before, after)).toBe(
      ["--- a/a.conf", "+++ b/a.conf", "@@ -2,7 +2,7 @@", " 2", " 3", " 4", "-5", "+five", " 6", " 7", " 8", ""].join("\n"),
    );
  });

  it("describes a new file and a removed file", () => {
    expect(unifiedDiff("n.conf", "", "a\nb\n")).toBe("--- a/n.conf\n+++ b/n.conf\n@@ -0,0 +1,2 @@\n+a\n+b\n");
    expect(unifiedDiff("n.conf", "a\n", "")).toBe("--- a/n.conf\n+++ b/n.conf\n@@ -1,1 +0,0 @@\n-a\n");
  });

  it("reproduces the new text when applied, on many random edits", () => {
    const rand = seeded(42);
    for (let round = 0; round < 200; round++) {
      const before = randomText(rand, Math.floor(rand() * 60));
      const lines = before.split("\n").slice(0, -1);
      for (let edits = Math.floor(rand() * 8); edits > 0; edits--) {
        const at = Math.floor(rand() * (lines.length + 1));
        if (rand() < 0.5 && lines.length > 0) lines.splice(Math.min(at, lines.length - 1), 1);
        else lines.splice(at, 0, `new ${round} ${edits}`);
      }
      const after = lines.length ? `${lines.join("\n")}\n` : "";
      expect(applyDiff(before, unifiedDiff("f.conf", before, after))).toBe(after);
    }
  });

  it("stays correct (not minimal) beyond the edit-distance limit, on big files", () => {
    const before = Array.from({ length: 30_000 }, (_, i) => `line ${i}`).join("\n") + "\n";
    const after = Array.from({ length: 30_000 }, (_, i) => (i % 3 === 0 ? `changed ${i}` : `line ${i}`)).join("\n") + "\n";
    const started = performance.now();
    const diff = unifiedDiff("big.conf", before, after);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(applyDiff(before, diff)).toBe(after);
  });

  it("masks passwords, secrets and voicemail PINs on changed and context lines", () => {
    const diff = unifiedDiff("pjsip_extensions.conf", "[a]\npassword=old-secret\n", "[a]\npassword=new-secret\n");
    expect(diff).toContain("-password=********");
    expect(diff).toContain("+password=********");
    expect(diff).not.toMatch(/old-secret|new-secret/);
    expect(maskSecretLine("voicemail_tenants.conf", "1001 => 4321,Ana,ana@acme.test")).toBe("1001 => ********,Ana,ana@acme.test");
    expect(maskSecretLine("pjsip_gateways.conf", "secret = abc")).toBe("secret = ********");
    expect(maskSecretLine("pjsip_gateways.conf", "context=t_acme_internal")).toBe("context=t_acme_internal");
  });

  it("caps the joined diff at 256 KB on a line boundary", () => {
    const huge = unifiedDiff("x.conf", "", Array.from({ length: 40_000 }, (_, i) => `line number ${i}`).join("\n") + "\n");
    const joined = joinDiffs([huge]);
    expect(Buffer.byteLength(joined)).toBeLessThanOrEqual(DIFF_CAP_BYTES);
    expect(joined.endsWith("\\ diff truncated\n")).toBe(true);
  });
});

describe("filterDiffForTenant", () => {
  const before = [
    "[acme_1001]",
    "type=endpoint",
    "context=t_acme_internal",
    "tenantid=acme",
    'callerid="Ana" <1001>',
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "[globex_1001]",
    "type=endpoint",
    "context=t_globex_internal",
    "tenantid=globex",
    'callerid="Gil" <1001>',
    "",
  ].join("\n");

  it("keeps only hunks naming the tenant and no other tenant", () => {
    const after = before.replace('"Ana" <1001>', '"Ana Souza" <1001>').replace('"Gil" <1001>', '"Gil Costa" <1001>');
    const diff = unifiedDiff("pjsip_extensions.conf", before, after);
    const acme = filterDiffForTenant(diff, "acme");
    expect(acme).toContain("Ana Souza");
    expect(acme).not.toMatch(/globex|Gil/);
    const globex = filterDiffForTenant(diff, "globex");
    expect(globex).toContain("Gil Costa");
    expect(globex).not.toMatch(/acme|Ana/);
    expect(filterDiffForTenant(diff, "initech")).toBe("");
  });

  it("cuts a hunk at section headers, and drops a section that names two tenants", () => {
    const two = unifiedDiff("x.conf", "[acme_1001]\n[globex_1001]\n", "[acme_1002]\n[globex_1002]\n");
    expect(filterDiffForTenant(two, "acme")).toBe(
      "--- a/x.conf\n+++ b/x.conf\n@@ -1,1 +0,0 @@\n-[acme_1001]\n@@ -2,0 +1,1 @@\n+[acme_1002]\n",
    );
    const mixed = unifiedDiff("x.conf", "[acme_1001]\naors=acme_1001\n", "[acme_1001]\naors=globex_1001\n");
    expect(filterDiffForTenant(mixed, "acme")).toBe("");
    expect(filterDiffForTenant(mixed, "globex")).toBe("");
  });

  it("attributes banner comments by the tenant they name", () => {
    const diff = unifiedDiff("x.conf", "", "; ===== tenant globex =====\n[t_acme_inbound]\nexten => 1,1,Hangup()\n");
    const acme = filterDiffForTenant(diff, "acme");
    expect(acme).toContain("+[t_acme_inbound]");
    expect(acme).not.toContain("globex");
  });

  it("reads tenant names from values, not option names", () => {
    expect([...tenantCodesIn("max_contacts=1")]).toEqual([]);
    expect([...tenantCodesIn("aors=acme_1001")]).toEqual(["acme"]);
    expect([...tenantCodesIn(" same => n,Goto(t_acme-br_outbound,${EXTEN},1)")]).toEqual(["acme-br"]);
    expect([...tenantCodesIn("same => n,Set(CHANNEL(tenantid)=acme)")]).toEqual(["acme"]);
    expect([...tenantCodesIn("same => n,Dial(PJSIP/${N}@gw_carrier,60,b(linha_outbound_leg^s^1))")]).toEqual([]);
    expect([...tenantCodesIn("[t_1001]")].sort()).toEqual(["1001", "t"]);
  });
});

describe("filterDiffForTenant on a first write", () => {
  it("splits the one big hunk of a new file by section, so each tenant gets its own sections", () => {
    const text = "[acme_1001]\ntype=endpoint\ntenantid=acme\n\n[globex_1001]\ntype=endpoint\ntenantid=globex\n";
    const diff = unifiedDiff("pjsip_extensions.conf", "", text);
    const acme = filterDiffForTenant(diff, "acme");
    expect(acme).toBe(
      "--- a/pjsip_extensions.conf\n+++ b/pjsip_extensions.conf\n@@ -0,0 +1,4 @@\n+[acme_1001]\n+type=endpoint\n+tenantid=acme\n+\n",
    );
    expect(filterDiffForTenant(diff, "globex")).toContain("@@ -0,0 +5,3 @@\n+[globex_1001]");
  });
});
