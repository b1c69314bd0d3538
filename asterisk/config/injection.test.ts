import { describe, expect, it } from "vitest";
import { isValidDialPattern } from "@/lib/telephony/dial-pattern";
import { containsHostileFragment, hostileStrings } from "@/lib/telephony/hostile-strings";
import {
  isValidCallerIdName,
  isValidCallerIdNumber,
  isValidCodecList,
  isValidDidNumber,
  isValidExtensionNumber,
  isValidGatewayName,
  isValidHost,
  isValidIpOrCidr,
  isValidPrepend,
  isValidRouteName,
  isValidTechPrefix,
  isValidTenantCode,
  isValidTimeOfDay,
  isValidTimezone,
  isValidTrunkName,
  SECRET_PATTERN,
} from "@/lib/telephony/allow-list";
import { ConfigValueError } from "./config-value-error";
import type { PbxConfigModel, TenantModel } from "./model";
import {
  renderExtensionsDids,
  renderExtensionsRoutes,
  renderExtensionsTenants,
  renderPbxConfig,
  renderPjsipCustomerTrunks,
  renderPjsipExtensions,
  renderPjsipGateways,
  renderVoicemailTenants,
} from "./render-pbx-config";
import { goldenModel } from "./testdata/model";

// Must show 2: every string of the model that can reach a config line, fed thousands of seeded
// hostile values (newline, `;`, `[`, `]`, `,`, `)`, `${`, quotes, control characters, non-ASCII):
// the renderer must throw ConfigValueError and never hand back text.

const PER_FIELD = 2_000;

const acme = (m: PbxConfigModel): TenantModel => m.tenants.find((t) => t.code === "acme")!;
const globex = (m: PbxConfigModel): TenantModel => m.tenants.find((t) => t.code === "globex")!;
const initech = (m: PbxConfigModel): TenantModel => m.tenants.find((t) => t.code === "initech")!;

/** field → [a plausible value to splice fragments into, how to put a value there]. */
const FIELDS: Record<string, [string, (m: PbxConfigModel, v: string) => void]> = {
  "tenant.code": ["acme", (m, v) => void (acme(m).code = v)],
  "suspended tenant.code": ["initech", (m, v) => void (initech(m).code = v)],
  "extension.number": ["1001", (m, v) => void (globex(m).extensions[1]!.number = v)],
  "extension.callerIdName": ["Ana Souza", (m, v) => void (acme(m).extensions[0]!.callerIdName = v)],
  "extension.callerIdNumber": ["+551130000001", (m, v) => void (acme(m).extensions[0]!.callerIdNumber = v)],
  "extension.secret": ["Sip1001.s3cr3t", (m, v) => void (acme(m).extensions[1]!.secret = v)],
  "disabled extension.secret": ["Sip1004.s3cr3t", (m, v) => void (acme(m).extensions[3]!.secret = v)],
  "suspended tenant's extension.callerIdName": ["Peter", (m, v) => void (initech(m).extensions[0]!.callerIdName = v)],
  "gateway.name": ["carrier-a", (m, v) => void (m.gateways[0]!.name = v)],
  "gateway.host": ["sip.carrier.example", (m, v) => void (m.gateways[1]!.host = v)],
  "gateway.host (IPv6)": ["2001:db8::10", (m, v) => void (m.gateways[2]!.host = v)],
  "gateway.username": ["linha01", (m, v) => void (m.gateways[1]!.username = v)],
  "gateway.secret": ["Gw-Secret.2026", (m, v) => void (m.gateways[1]!.secret = v)],
  "gateway.techPrefix": ["1010", (m, v) => void (m.gateways[1]!.techPrefix = v)],
  "gateway.codecs": ["alaw", (m, v) => void (m.gateways[0]!.codecs = ["ulaw", v])],
  "route.name": ["brasil-movel", (m, v) => void (m.routes[0]!.name = v)],
  "route.pattern": ["_0XX9XXXXXXXX", (m, v) => void (m.routes[0]!.pattern = v)],
  "route.prepend": ["55", (m, v) => void (m.routes[1]!.prepend = v)],
  "route.callerIdNumber": ["+551130009999", (m, v) => void (m.routes[1]!.callerIdNumber = v)],
  "route.gateways": ["carrier-a", (m, v) => void (m.routes[0]!.gateways[0] = v)],
  "override route.name": ["acme-movel", (m, v) => void (acme(m).routes[0]!.name = v)],
  "override route.pattern": ["_011[6-9]XXXXXXXX", (m, v) => void (acme(m).routes[0]!.pattern = v)],
  "trunk.name": ["matriz", (m, v) => void (acme(m).trunks[0]!.name = v)],
  "trunk.ipMatches": ["198.51.100.20", (m, v) => void acme(m).trunks[0]!.ipMatches.push(v)],
  "trunk.host": ["pbx.acme.example", (m, v) => void (acme(m).trunks[0]!.host = v)],
  "trunk.secret": ["Filial-Tr0nk.pw", (m, v) => void (acme(m).trunks[1]!.secret = v)],
  "trunk.callerIdNumber": ["+551130000002", (m, v) => void (acme(m).trunks[1]!.callerIdNumber = v)],
  "trunk.codecs": ["alaw", (m, v) => void (acme(m).trunks[1]!.codecs = [v])],
  "ring group member": ["1002", (m, v) => void (acme(m).ringGroups[0]!.members[1] = v)],
  "business hours.timezone": ["America/Sao_Paulo", (m, v) => void (acme(m).businessHours[0]!.timezone = v)],
  "business hours.open": ["08:00", (m, v) => void (acme(m).businessHours[0]!.rules[0]!.open = v)],
  "business hours.close": ["18:00", (m, v) => void (acme(m).businessHours[0]!.rules[1]!.close = v)],
  "business hours.days": ["mon", (m, v) => void ((acme(m).businessHours[0]!.rules[0]!.days as string[])[0] = v)],
  "did.number": ["+551130000001", (m, v) => void (acme(m).dids[0]!.number = v)],
  "did.destination extension": ["1001", (m, v) => void (acme(m).dids[0]!.destination = { type: "extension", number: v })],
  "did.afterHours extension": ["1003", (m, v) => void (acme(m).dids[1]!.afterHours = { type: "extension", number: v })],
};

/** A digit set (`[2-5]`) is the one place `[` and `]` are legitimate: in a dial pattern. */
const withoutDigitSets = (pattern: string) => pattern.replace(/\[[0-9-]+\]/g, "");

describe("injection: hostile values never reach a rendered file", () => {
  it("the untouched model renders (so every refusal below is caused by the hostile value)", () => {
    expect(() => renderPbxConfig(goldenModel())).not.toThrow();
  });

  it.each(Object.entries(FIELDS).map(([field, entry], index) => [field, entry, index] as const))(
    "%s: hostile values are refused",
    (field, [base, put], index) => {
      const values = [...hostileStrings(PER_FIELD / 2, 1000 + index, base), ...hostileStrings(PER_FIELD / 2, 5000 + index)];
      // Plain checks in the loop (expect() per value is slow); one assertion on what went wrong.
      const wrong: string[] = [];
      let refused = 0;
      for (const value of values) {
        const model = goldenModel();
        put(model, value);
        const formedDigitSet = field.endsWith("pattern") && isValidDialPattern(value);
        try {
          renderPbxConfig(model);
          // A fragment may have formed a digit set (`_0[5]XX.`): valid Asterisk, if nothing else hostile is left.
          if (!formedDigitSet || containsHostileFragment(withoutDigitSets(value))) wrong.push(`rendered ${JSON.stringify(value)}`);
        } catch (error) {
          if (!(error instanceof ConfigValueError)) wrong.push(`${JSON.stringify(value)} threw ${String(error)}`);
          else if (formedDigitSet) wrong.push(`refused the valid pattern ${JSON.stringify(value)}`);
          else refused++;
        }
      }
      expect(wrong).toEqual([]);
      expect(refused).toBeGreaterThan(PER_FIELD * 0.9);
    },
  );

  it("every per-file renderer refuses a hostile value even when another file would use it", () => {
    const model = goldenModel();
    acme(model).extensions[0]!.secret = "pw\n[evil]\ntype=endpoint";
    for (const render of [
      renderPjsipGateways,
      renderPjsipCustomerTrunks,
      renderPjsipExtensions,
      renderExtensionsTenants,
      renderExtensionsRoutes,
      renderExtensionsDids,
      renderVoicemailTenants,
    ]) {
      expect(() => render(model)).toThrow(ConfigValueError);
    }
  });

  it("the error names the file, section and field but never the value", () => {
    const model = goldenModel();
    acme(model).extensions[0]!.secret = "leak;me";
    try {
      renderPbxConfig(model);
      expect.fail("rendered");
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigValueError);
      const e = error as ConfigValueError;
      expect([e.file, e.section, e.field]).toEqual(["pjsip_extensions.conf", "acme_1001", "secret"]);
      expect(e.message).not.toContain("leak");
    }
  });

  it("free text that never reaches Asterisk (ring group and business hours names, node name) stays out of the files", () => {
    // A distinctive base, so a match in the output cannot be a coincidence with a short value.
    for (const value of hostileStrings(300, 77, "Grupo Zq9 Vendas")) {
      const model = goldenModel();
      acme(model).ringGroups[0]!.name = value;
      acme(model).businessHours[0]!.name = value;
      model.node.name = value;
      const text = Object.values(renderPbxConfig(model)).join("\n");
      expect(text.includes(value), JSON.stringify(value)).toBe(false);
    }
  });
});

describe("allow-lists: no hostile string is accepted", () => {
  const VALIDATORS: Record<string, [string, (v: string) => boolean]> = {
    tenantCode: ["acme", isValidTenantCode],
    extensionNumber: ["1001", isValidExtensionNumber],
    callerIdName: ["Ana Souza", isValidCallerIdName],
    callerIdNumber: ["+551130000001", isValidCallerIdNumber],
    trunkName: ["matriz", isValidTrunkName],
    routeName: ["brasil-movel", isValidRouteName],
    prepend: ["55", isValidPrepend],
    techPrefix: ["1010", isValidTechPrefix],
    didNumber: ["+551130000001", isValidDidNumber],
    timezone: ["America/Sao_Paulo", isValidTimezone],
    timeOfDay: ["08:00", isValidTimeOfDay],
    gatewayName: ["carrier-a", isValidGatewayName],
    host: ["sip.carrier.example", isValidHost],
    ipv6Host: ["2001:db8::10", isValidHost],
    ipOrCidr: ["203.0.113.0/24", isValidIpOrCidr],
    secret: ["Gw-Secret.2026", (v) => SECRET_PATTERN.test(v)],
    codec: ["alaw", (v) => isValidCodecList([v])],
  };

  it.each(Object.entries(VALIDATORS))("%s", (_name, [base, accepts]) => {
    expect(accepts(base)).toBe(true);
    const accepted = [...hostileStrings(3_000, 11, base), ...hostileStrings(3_000, 12)].filter(accepts);
    expect(accepted).toEqual([]);
  });

  it("dial patterns accept `[`/`]` only as digit sets, and nothing else hostile", () => {
    expect(isValidDialPattern("_0XX[2-5]XXXXXXX")).toBe(true);
    const values = [...hostileStrings(5_000, 13, "_0XX9XXXXXXXX"), ...hostileStrings(3_000, 14)];
    const accepted = values.filter(isValidDialPattern);
    expect(accepted.filter((v) => containsHostileFragment(withoutDigitSets(v)))).toEqual([]);
    // And the digit sets themselves are not what gets refused.
    expect(["_0[5]XX.", "_0XX[2-5]XXXXXXX", "_[1-35]XX"].every(isValidDialPattern)).toBe(true);
  });
});
