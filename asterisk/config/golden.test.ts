import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigValueError } from "./config-value-error";
import { lintPbxConfig } from "./lint";
import { GENERATED_FILES } from "./model";
import { HEADER } from "./names";
import { countEndpoints, renderPbxConfig } from "./render-pbx-config";
import { goldenModel } from "./testdata/model";

const GOLDEN_DIR = join(__dirname, "testdata", "golden");
const update = process.env.UPDATE_GOLDEN === "1";

describe("renderPbxConfig golden files", () => {
  const rendered = renderPbxConfig(goldenModel());

  it.each(GENERATED_FILES)("%s matches its golden file byte for byte", (file) => {
    const path = join(GOLDEN_DIR, file);
    if (update) writeFileSync(path, rendered[file]);
    expect(rendered[file]).toBe(readFileSync(path, "utf8"));
  });

  it("renders every file of the contract, each with the header and a final newline", () => {
    expect(Object.keys(rendered).sort()).toEqual([...GENERATED_FILES].sort());
    for (const file of GENERATED_FILES) {
      expect(rendered[file].startsWith(`${HEADER}\n`)).toBe(true);
      expect(rendered[file].endsWith("\n")).toBe(true);
      expect(rendered[file].endsWith("\n\n")).toBe(false);
    }
  });

  it("passes the structural validator", () => {
    expect(lintPbxConfig(rendered)).toEqual([]);
  });

  it("is deterministic and independent of the input order", () => {
    const shuffled = goldenModel();
    shuffled.tenants.reverse();
    shuffled.gateways.reverse();
    shuffled.routes.reverse();
    for (const tenant of shuffled.tenants) {
      tenant.extensions.reverse();
      tenant.trunks.reverse();
      tenant.dids.reverse();
    }
    expect(renderPbxConfig(shuffled)).toEqual(rendered);
  });

  it("counts the endpoints the files define", () => {
    const endpoints = Object.values(rendered)
      .join("\n")
      .split("\n[")
      .filter((block) => block.includes("]\ntype=endpoint\n")).length;
    // 4 gateways + acme (3 enabled extensions, 2 enabled trunks) + globex (2 extensions); initech is suspended.
    expect(countEndpoints(goldenModel())).toBe(11);
    expect(endpoints).toBe(11);
  });

  it("keeps a suspended tenant out of Asterisk except for its DIDs, which answer unavailable", () => {
    const all = Object.values(rendered).join("\n");
    expect(all).not.toContain("initech_");
    expect(all).not.toContain("t_initech");
    expect(rendered["extensions_dids.conf"]).toContain("exten => 551140000001,1,Goto(linha_unavailable,s,1)");
  });

  it("refuses two DIDs that differ only by the + as the same extension", () => {
    const model = goldenModel();
    model.tenants[0]!.dids.push({ number: "552140000001", destination: null, businessHoursId: null, afterHours: null });
    expect(() => renderPbxConfig(model)).toThrow(ConfigValueError);
  });

  it("refuses a customer trunk whose addresses cover a carrier gateway or another tenant's trunk", () => {
    const overGateway = goldenModel();
    overGateway.tenants.find((t) => t.code === "acme")!.trunks[0]!.ipMatches.push("203.0.113.0/24");
    expect(() => renderPbxConfig(overGateway)).toThrow(/carrier-a|overlaps/);
    const overTrunk = goldenModel();
    overTrunk.tenants
      .find((t) => t.code === "globex")!
      .trunks.push({
        ...overTrunk.tenants.find((t) => t.code === "acme")!.trunks[0]!,
        id: "trunk-globex",
        ipMatches: ["198.51.100.5"],
      });
    expect(() => renderPbxConfig(overTrunk)).toThrow(ConfigValueError);
  });

  it("refuses references to rows the model does not contain", () => {
    const model = goldenModel();
    model.tenants.find((t) => t.code === "acme")!.routes[0]!.gateways.push("nope");
    expect(() => renderPbxConfig(model)).toThrow(/unknown gateway/);
    const did = goldenModel();
    did.tenants.find((t) => t.code === "globex")!.dids[0]!.destination = { type: "extension", number: "1003" };
    expect(() => renderPbxConfig(did)).toThrow(/unknown destination/);
  });
});
