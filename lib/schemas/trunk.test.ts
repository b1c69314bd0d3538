import { describe, expect, it } from "vitest";
import { containsHostileFragment, hostileStrings } from "@/lib/telephony/hostile-strings";
import { TrunkCreateInput, TrunkUpdateInput } from "./trunk";

const ID = "0190a4b2-7c3e-7000-8000-000000000000";
const IP_TRUNK = { name: "matriz", authMode: "ip", ipMatches: ["203.0.113.10"], host: "203.0.113.10" } as const;

function issues(input: unknown, schema: { safeParse: typeof TrunkCreateInput.safeParse } = TrunkCreateInput): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join(".")] ??= []).push(issue.message);
  return out;
}

describe("TrunkCreateInput", () => {
  it("fills the defaults and keeps an IP trunk's addresses", () => {
    expect(TrunkCreateInput.parse({ ...IP_TRUNK, name: " Matriz-SP " })).toEqual({
      name: "matriz-sp",
      authMode: "ip",
      ipMatches: ["203.0.113.10"],
      host: "203.0.113.10",
      port: 5060,
      codecs: ["alaw", "ulaw"],
      channelLimit: 10,
      callerIdPolicy: "passthrough",
      callerIdNumber: null,
      enabled: true,
    });
  });

  it("a registration trunk drops addresses; a passthrough rule drops the number", () => {
    const parsed = TrunkCreateInput.parse({ ...IP_TRUNK, authMode: "registration", callerIdNumber: "+551133334444", port: 5080 });
    expect(parsed).toMatchObject({ authMode: "registration", ipMatches: [], host: null, port: 5060, callerIdNumber: null });
    const fixed = TrunkCreateInput.parse({ ...IP_TRUNK, callerIdPolicy: "fixed", callerIdNumber: "+551133334444" });
    expect(fixed.callerIdNumber).toBe("+551133334444");
  });

  it("an IP trunk needs addresses and a host; a fixed caller id needs a number", () => {
    expect(issues({ name: "x", authMode: "ip" })).toEqual({
      ipMatches: ["telephony.trunks.errors.ip_required"],
      host: ["telephony.trunks.errors.host_required"],
    });
    expect(issues({ ...IP_TRUNK, callerIdPolicy: "fixed", callerIdNumber: "" })).toEqual({
      callerIdNumber: ["telephony.trunks.errors.caller_id_required"],
    });
    expect(issues({ ...IP_TRUNK, ipMatches: ["203.0.113.10", "203.0.113.10"] })).toEqual({
      "ipMatches.1": ["telephony.trunks.errors.ip_duplicate"],
    });
    expect(issues({ ...IP_TRUNK, ipMatches: Array.from({ length: 21 }, (_, i) => `10.0.0.${i}`) })).toEqual({
      ipMatches: ["telephony.trunks.errors.ip_too_many?max=20"],
    });
  });

  it.each([
    [{ name: "-x" }, "name", "telephony.trunks.errors.name_invalid"],
    [{ name: "a".repeat(31) }, "name", "telephony.trunks.errors.name_invalid"],
    [{ name: "matriz sp" }, "name", "telephony.trunks.errors.name_invalid"],
    [{ name: "matriz_sp" }, "name", "telephony.trunks.errors.name_invalid"],
    [{ ipMatches: ["203.0.113.0/4"] }, "ipMatches.0", "telephony.trunks.errors.ip_invalid"],
    [{ ipMatches: ["256.0.0.1"] }, "ipMatches.0", "telephony.trunks.errors.ip_invalid"],
    [{ ipMatches: ["pbx.example.com"] }, "ipMatches.0", "telephony.trunks.errors.ip_invalid"],
    [{ host: "pbx example.com" }, "host", "telephony.trunks.errors.host_invalid"],
    [{ host: "pbx.example.com;transport=tcp" }, "host", "telephony.trunks.errors.host_invalid"],
    [{ port: 0 }, "port", "telephony.trunks.errors.port_invalid"],
    [{ port: 70000 }, "port", "telephony.trunks.errors.port_invalid"],
    [{ codecs: [] }, "codecs", "telephony.trunks.errors.codecs_invalid"],
    [{ codecs: ["alaw", "alaw"] }, "codecs", "telephony.trunks.errors.codecs_invalid"],
    [{ codecs: ["speex"] }, "codecs.0", "telephony.trunks.errors.codecs_invalid"],
    [{ channelLimit: 0 }, "channelLimit", "telephony.trunks.errors.channel_limit"],
    [{ channelLimit: 1001 }, "channelLimit", "telephony.trunks.errors.channel_limit"],
    [{ callerIdPolicy: "fixed", callerIdNumber: "11 3333-4444" }, "callerIdNumber", "telephony.trunks.errors.caller_id_invalid"],
  ])("refuses %j", (change, field, message) => {
    expect(issues({ ...IP_TRUNK, ...change })[field]).toEqual([message]);
  });

  it("accepts a hostname and an IPv6 host, CIDRs, and codecs in the chosen order", () => {
    expect(
      TrunkCreateInput.parse({ ...IP_TRUNK, host: "pbx.cliente.com.br", ipMatches: ["198.51.100.0/24"], codecs: ["g722", "alaw"] }),
    ).toMatchObject({ host: "pbx.cliente.com.br", ipMatches: ["198.51.100.0/24"], codecs: ["g722", "alaw"] });
    expect(TrunkCreateInput.parse({ ...IP_TRUNK, host: "2001:db8::1" }).host).toBe("2001:db8::1");
  });

  it("fuzz: no hostile string passes as a name, an address, a host, a codec or a caller id", () => {
    const probes: [string, (v: string) => Record<string, unknown>, string][] = [
      ["name", (v) => ({ name: v }), "matriz"],
      ["ipMatches", (v) => ({ ipMatches: [v] }), "203.0.113.10"],
      ["ipMatches", (v) => ({ ipMatches: ["203.0.113.10", v] }), "203.0.113.0/24"],
      ["host", (v) => ({ host: v }), "pbx.cliente.com.br"],
      ["codecs", (v) => ({ codecs: ["alaw", v] }), "ulaw"],
      ["callerIdNumber", (v) => ({ callerIdPolicy: "fixed", callerIdNumber: v }), "+551133334444"],
    ];
    for (const [label, build, base] of probes) {
      for (const value of [...hostileStrings(400, 201, base), ...hostileStrings(200, 202)]) {
        expect(containsHostileFragment(value)).toBe(true);
        expect(TrunkCreateInput.safeParse({ ...IP_TRUNK, ...build(value) }).success, `${label}: ${JSON.stringify(value)}`).toBe(false);
      }
    }
  });
});

describe("TrunkUpdateInput", () => {
  it("takes the whole settings but not a new name", () => {
    expect(TrunkUpdateInput.parse({ id: ID, data: { authMode: "registration" } }).data).toMatchObject({ authMode: "registration" });
    expect(issues({ id: ID, data: { ...IP_TRUNK } }, TrunkUpdateInput as never)).toEqual({
      "data.name": ["telephony.trunks.errors.name_immutable"],
    });
  });
});
