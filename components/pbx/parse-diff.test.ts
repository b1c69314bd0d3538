import { describe, expect, it } from "vitest";
import { unifiedDiff, joinDiffs } from "@/asterisk/sync/unified-diff";
import { parseUnifiedDiff } from "./parse-diff";

describe("parseUnifiedDiff", () => {
  it("splits a recorded diff into files with their added and removed counts", () => {
    const diff = joinDiffs([
      unifiedDiff("pjsip_extensions.conf", "[a_1]\ntype=endpoint\n", "[a_1]\ntype=endpoint\n[a_2]\ntype=endpoint\n"),
      unifiedDiff("extensions_tenants.conf", "exten => 1,1,Hangup()\n", ""),
    ]);
    const { files, truncated } = parseUnifiedDiff(diff);
    expect(truncated).toBe(false);
    expect(files.map((f) => [f.name, f.added, f.removed])).toEqual([
      ["pjsip_extensions.conf", 2, 0],
      ["extensions_tenants.conf", 0, 1],
    ]);
    expect(files[0]!.lines.map((l) => l.kind)).toEqual(["hunk", "context", "context", "add", "add"]);
  });

  it("reports a truncated diff and reads an empty one as no files", () => {
    expect(parseUnifiedDiff("--- a/x.conf\n+++ b/x.conf\n@@ -0,0 +1,1 @@\n+a\n\\ diff truncated\n").truncated).toBe(true);
    expect(parseUnifiedDiff("").files).toEqual([]);
  });
});
