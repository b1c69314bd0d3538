import { describe, expect, it } from "vitest";
import {
  DidUpdateFields,
  GatewayCreateInput,
  GatewayFields,
  isValidCodecList,
  isValidConfigDir,
  isValidGatewayName,
  isValidHost,
  isValidTechPrefix,
  parseDecimalText,
  PbxNodeCreateInput,
  PbxNodeSetStatusInput,
  ProviderFields,
  SECRET_PATTERN,
  SIP_USERNAME_PATTERN,
} from "./inventory";

// What must never reach an Asterisk config line: it would end the line, start a comment, open a
// section or split a list.
const INJECTIONS = ["\n", "\r", ";", "[", "]", ",", ")", " ", "\t", '"', "\\", "${", "\u0000"];

describe("host allow-list", () => {
  it.each([
    "sip.example.com",
    "SIP-1.Carrier.com.br",
    "gw",
    "200.155.10.1",
    "0.0.0.0",
    "2001:db8::1",
    "::1",
    "fe80::1:2",
    "::ffff:10.0.0.1",
  ])("accepts %s", (host) => expect(isValidHost(host)).toBe(true));
  it.each([
    "",
    "256.1.1.1",
    "1.2.3",
    "1.2.3.4.5",
    "-sip.example.com",
    "sip-.example.com",
    "sip..example.com",
    "sip_gw.example.com",
    "[2001:db8::1]",
    "2001:db8::1%eth0",
    "2001:db8:::1",
    "sip.example.com:5060",
    "a".repeat(64) + ".com",
    "x.".repeat(127) + "com",
  ])("refuses %j", (host) => expect(isValidHost(host)).toBe(false));
  it.each(INJECTIONS)("refuses a host carrying %j", (bad) => {
    expect(isValidHost(`sip.example.com${bad}`)).toBe(false);
    expect(isValidHost(`sip${bad}example.com`)).toBe(false);
    expect(isValidHost(`10.0.0.1${bad}evil`)).toBe(false);
  });
  it("refuses an injected section even after trimming, through the schema", () => {
    const base = { providerId: "0195f0a0-0000-7000-8000-000000000001", name: "gw", codecs: ["alaw"] };
    expect(GatewayCreateInput.safeParse({ ...base, host: "sip.example.com\n[evil]\ntype=endpoint" }).success).toBe(false);
    expect(GatewayCreateInput.safeParse({ ...base, host: "  SIP.Example.com  " }).data?.host).toBe("sip.example.com");
  });
});

describe("gateway name allow-list (a PJSIP section name)", () => {
  it.each(["vivo-sp", "gw_1", "a.b-c_D", "x".repeat(40)])("accepts %s", (name) => expect(isValidGatewayName(name)).toBe(true));
  it.each(["", "x".repeat(41), "gw/1", "gw@1", "gwé", ...INJECTIONS.map((c) => `gw${c}1`)])("refuses %j", (name) =>
    expect(isValidGatewayName(name)).toBe(false),
  );
});

describe("tech prefix allow-list", () => {
  it.each(["0", "1234", "*21#", "9".repeat(16)])("accepts %s", (prefix) => expect(isValidTechPrefix(prefix)).toBe(true));
  it.each(["", "9".repeat(17), "12a", "+55", "1-2", ...INJECTIONS.map((c) => `12${c}3`)])("refuses %j", (prefix) =>
    expect(isValidTechPrefix(prefix)).toBe(false),
  );
});

describe("config directory allow-list", () => {
  it.each(["/etc/asterisk", "/etc/asterisk/linha_1", "/var/lib/linha/pbx-01/", "/a.b/c"])("accepts %s", (dir) =>
    expect(isValidConfigDir(dir)).toBe(true),
  );
  it.each([
    "",
    "etc/asterisk",
    "./asterisk",
    "/etc/../root",
    "/etc/asterisk/..",
    "/..",
    "/etc/aster isk",
    "/etc/~root",
    "/etc/$HOME",
    "/" + "a".repeat(400),
    ...INJECTIONS.map((c) => `/etc/asterisk${c}x`),
  ])("refuses %j", (dir) => expect(isValidConfigDir(dir)).toBe(false));
});

describe("codec allow-list", () => {
  it("accepts a subset in any order and keeps the order", () => {
    expect(isValidCodecList(["g729", "alaw", "opus"])).toBe(true);
    const parsed = GatewayFields.parse({
      providerId: "0195f0a0-0000-7000-8000-000000000001",
      name: "gw",
      host: "10.0.0.1",
      codecs: ["opus", "g722", "alaw"],
    });
    expect(parsed.codecs).toEqual(["opus", "g722", "alaw"]);
  });
  it.each([
    [[]],
    [["alaw", "alaw"]],
    [["speex"]],
    [["ALAW"]],
    [["alaw,ulaw"]],
    [["alaw\nallow=all"]],
    [["alaw)"]],
    [["alaw;"]],
    [["[alaw]"]],
  ])("refuses %j", (codecs) => {
    expect(isValidCodecList(codecs)).toBe(false);
    expect(GatewayFields.safeParse({ providerId: "0195f0a0-0000-7000-8000-000000000001", name: "gw", host: "h", codecs }).success).toBe(
      false,
    );
  });
});

describe("credentials", () => {
  it.each(["carrier_user", "user@sip.example.com", "u.1-2"])("user name %s is allowed", (u) =>
    expect(SIP_USERNAME_PATTERN.test(u)).toBe(true),
  );
  it.each(["", "a b", ...INJECTIONS.map((c) => `user${c}x`)])("user name %j is refused", (u) =>
    expect(SIP_USERNAME_PATTERN.test(u)).toBe(false),
  );
  it.each(["s3cr3t!", "A-b_c.d@e%f*g+h=i:j/k~l^m&n#o?p"])("secret %s is allowed", (s) => expect(SECRET_PATTERN.test(s)).toBe(true));
  it.each(["abc", "x".repeat(81), ...INJECTIONS.map((c) => `secret${c}x`)])("secret %j is refused", (s) =>
    expect(SECRET_PATTERN.test(s)).toBe(false),
  );

  it("credentials mode needs a user name and, on create, a password", () => {
    const base = { providerId: "0195f0a0-0000-7000-8000-000000000001", name: "gw", host: "h", codecs: ["alaw"], authMode: "credentials" };
    const issues = GatewayCreateInput.safeParse(base).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toEqual([
      ["username", "inventory.errors.username_required"],
      ["password", "inventory.errors.secret_required"],
    ]);
    // On update an empty password keeps the stored one.
    expect(GatewayFields.safeParse({ ...base, username: "u", password: "" }).data?.password).toBeUndefined();
    expect(
      PbxNodeCreateInput.safeParse({ name: "pbx", amiHost: "h", amiUser: "linha", configDir: "/etc/asterisk" }).error?.issues[0]?.path,
    ).toEqual(["amiSecret"]);
  });
});

describe("ports and statuses", () => {
  const base = { providerId: "0195f0a0-0000-7000-8000-000000000001", name: "gw", host: "h", codecs: ["alaw"] };
  it.each([0, 65536, -1, 5060.5, "abc"])("refuses port %j", (port) =>
    expect(GatewayFields.safeParse({ ...base, port }).success).toBe(false),
  );
  it("defaults and coerces ports", () => {
    expect(GatewayFields.parse(base).port).toBe(5060);
    expect(GatewayFields.parse({ ...base, port: "5080" }).port).toBe(5080);
  });
  it("lets the operator set only unknown or maintenance", () => {
    const id = "0195f0a0-0000-7000-8000-000000000001";
    expect(PbxNodeSetStatusInput.safeParse({ id, status: "maintenance" }).success).toBe(true);
    expect(PbxNodeSetStatusInput.safeParse({ id, status: "connected" }).success).toBe(false);
  });
});

describe("money", () => {
  it.each([
    ["12,50", 2, "12.50"],
    ["12.5", 2, "12.50"],
    ["R$ 3", 2, "3.00"],
    [7, 2, "7.00"],
    ["0,0450", 4, "0.0450"],
    ["007", 2, "7.00"],
    ["-0", 2, "0.00"],
  ] as const)("reads %j", (text, scale, value) => expect(parseDecimalText(text, scale, 8)).toEqual({ ok: true, value }));
  it.each(["", "abc", "1.250,00", "12.345", "1e3", "123456789"])("refuses %j", (text) =>
    expect(parseDecimalText(text, 2, 8)).toEqual({ ok: false, reason: "invalid" }),
  );
  it("tells negative values apart", () => expect(parseDecimalText("-1,00", 2, 8)).toEqual({ ok: false, reason: "negative" }));
  it("gives field messages through the schemas", () => {
    expect(ProviderFields.safeParse({ name: "X", defaultCostPerMinute: "-0,01" }).error?.issues[0]?.message).toBe(
      "inventory.errors.negative_money",
    );
    expect(DidUpdateFields.safeParse({ monthlyCost: "x", gatewayId: null }).error?.issues[0]?.message).toBe(
      "inventory.errors.invalid_money",
    );
    expect(ProviderFields.parse({ name: " Vivo ", contactPhone: "(11) 98765-4321" })).toMatchObject({
      name: "Vivo",
      contactPhone: "+5511987654321",
      defaultCostPerMinute: "0.0000",
      type: "carrier",
    });
  });
});

describe("one message per problem", () => {
  it("an empty required field says only that it is required", () => {
    const result = GatewayCreateInput.safeParse({ providerId: "", name: "", host: "", codecs: ["alaw"] });
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["providerId", "errors.required"],
      ["name", "errors.required"],
      ["host", "errors.required"],
    ]);
    const pbx = PbxNodeCreateInput.safeParse({ name: "n", amiHost: "h", amiUser: "", amiSecret: "abcd", configDir: "" });
    expect(pbx.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["amiUser", "errors.required"],
      ["configDir", "errors.required"],
    ]);
  });
});
