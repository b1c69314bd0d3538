import { describe, expect, it } from "vitest";
import { finishFile } from "./config-text";
import { ConfigValueError } from "./config-value-error";
import { lintPbxConfig } from "./lint";
import { renderPbxConfig } from "./render-pbx-config";
import { goldenModel } from "./testdata/model";

// The validator must catch what it claims to; each case breaks one thing in otherwise valid output.

const valid = renderPbxConfig(goldenModel());

function broken(file: keyof typeof valid, edit: (text: string) => string): Record<string, string> {
  const files: Record<string, string> = { ...valid };
  const before = files[file]!;
  files[file] = edit(before);
  expect(files[file], "the edit changed nothing").not.toBe(before);
  return files;
}

describe("lintPbxConfig", () => {
  it("accepts the rendered files", () => {
    expect(lintPbxConfig(valid)).toEqual([]);
  });

  it.each([
    ["a missing header", broken("pjsip_gateways.conf", (t) => t.replace(/^; Generated[^\n]*\n/, ""))],
    ["a line that is not PJSIP syntax", broken("pjsip_extensions.conf", (t) => t.replace("dtmf_mode=rfc4733", "dtmf_mode = rfc4733 ; x"))],
    ["a section without a known type", broken("pjsip_extensions.conf", (t) => t.replace("type=aor", "type=aorta"))],
    ["aors= naming no aor", broken("pjsip_extensions.conf", (t) => t.replace("aors=acme_1002", "aors=acme_9999"))],
    [
      "outbound_auth= naming no auth",
      broken("pjsip_gateways.conf", (t) => t.replace("outbound_auth=gw_carrier-b", "outbound_auth=gw_nope")),
    ],
    [
      "two endpoints with the same name",
      broken("pjsip_extensions.conf", (t) => t.replace("[acme_1002]\ntype=endpoint", "[acme_1001]\ntype=endpoint")),
    ],
    [
      "an endpoint context that does not exist",
      broken("pjsip_extensions.conf", (t) => t.replace("context=t_globex_internal", "context=t_globex_intern")),
    ],
    ["a mailbox that does not exist", broken("voicemail_tenants.conf", (t) => t.replace("1003 => ", "1033 => "))],
    [
      "an include of a missing context",
      broken("extensions_routes.conf", (t) => t.replace("include => linha_no_route", "include => linha_no_rout")),
    ],
    ["a Goto into a missing context", broken("extensions_dids.conf", (t) => t.replace("Goto(t_globex_inbound,", "Goto(t_globx_inbound,"))],
    [
      "a Dial of a missing endpoint",
      broken("extensions_tenants.conf", (t) => t.replace("Dial(PJSIP/acme_1002,30)", "Dial(PJSIP/acme_1009,30)")),
    ],
    ["a jump to a missing label", broken("extensions_routes.conf", (t) => t.replace("n(gw2)", "n(gw9)"))],
    ["an unbalanced application", broken("extensions_dids.conf", (t) => t.replace("Hangup(1)", "Hangup(1"))],
    ["a context defined twice", broken("extensions_dids.conf", (t) => t.replace("[t_globex_inbound]", "[t_acme_inbound]"))],
    [
      "a raw line injected after a value",
      broken("pjsip_extensions.conf", (t) => t.replace("password=Sip1002.Rui-s3cr3t", "password=x\n[evil]")),
    ],
  ])("reports %s", (_what, files) => {
    expect(lintPbxConfig(files).length).toBeGreaterThan(0);
  });

  it("the output guard refuses a `;` outside a comment and non-ASCII text", () => {
    expect(() => finishFile("pjsip_extensions.conf", ["password=a;b"])).toThrow(ConfigValueError);
    expect(() => finishFile("pjsip_extensions.conf", ['callerid="João" <1001>'])).toThrow(ConfigValueError);
    expect(finishFile("pjsip_extensions.conf", ["; a comment; with semicolons"])).toContain("; a comment; with semicolons");
  });
});
