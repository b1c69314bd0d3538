import type { ExtensionModel, PbxConfigModel, TenantModel, TrunkModel } from "../model";

// The golden-file data set: what an operator with three customers would have. acme and globex both
// own extension 1001 (isolation); initech is suspended; every gateway kind (IPv4, IPv6, hostname;
// ip_match and credentials), both trunk modes, both ring strategies, business hours, every DID
// destination and an unrouted DID, operator routes with failover and a tenant override.

const ext = (number: string, callerIdName: string, extra: Partial<ExtensionModel> = {}): ExtensionModel => ({
  id: `ext-${callerIdName.toLowerCase().replace(/\W/g, "")}-${number}`,
  number,
  callerIdName,
  callerIdNumber: null,
  secret: `Sip${number}.${callerIdName.slice(0, 3)}-s3cr3t`,
  voicemail: false,
  maxContacts: 1,
  enabled: true,
  ...extra,
});

const trunk = (fields: Partial<TrunkModel> & Pick<TrunkModel, "id" | "name" | "authMode">): TrunkModel => ({
  ipMatches: [],
  host: null,
  port: 5060,
  secret: null,
  codecs: ["alaw", "ulaw"],
  channelLimit: 10,
  callerIdPolicy: "passthrough",
  callerIdNumber: null,
  enabled: true,
  ...fields,
});

function acme(): TenantModel {
  return {
    id: "tenant-acme",
    code: "acme",
    suspended: false,
    // Plan with call_recording (the demo's acme is on "pro"); globex records nothing.
    recordCalls: true,
    extensions: [
      ext("1001", "Ana Souza", { voicemail: true, callerIdNumber: "+551130000001", maxContacts: 3 }),
      ext("1002", "Rui Lima"),
      ext("1003", "Marta Reis", { voicemail: true }),
      ext("1004", "Bia Costa", { enabled: false, voicemail: true }),
    ],
    trunks: [
      trunk({
        id: "trunk-matriz",
        name: "matriz",
        authMode: "ip",
        ipMatches: ["198.51.100.20", "198.51.100.0/28"],
        host: "198.51.100.20",
        channelLimit: 10,
        callerIdNumber: "+551130000000",
      }),
      trunk({
        id: "trunk-filial",
        name: "filial",
        authMode: "registration",
        secret: "Filial-Tr0nk.pw",
        codecs: ["alaw"],
        channelLimit: 4,
        callerIdPolicy: "fixed",
        callerIdNumber: "+551130000002",
      }),
      trunk({ id: "trunk-antigo", name: "antigo", authMode: "ip", ipMatches: ["192.0.2.50"], host: "192.0.2.50", enabled: false }),
    ],
    ringGroups: [
      { id: "rg-vendas", name: "Vendas", strategy: "ringall", ringSeconds: 20, members: ["1001", "1002"] },
      { id: "rg-suporte", name: "Suporte", strategy: "sequential", ringSeconds: 15, members: ["1002", "1001", "1004"] },
    ],
    businessHours: [
      {
        id: "bh-comercial",
        name: "Comercial",
        timezone: "America/Sao_Paulo",
        rules: [
          { days: ["mon", "tue", "wed", "thu", "fri"], open: "08:00", close: "18:00" },
          { days: ["sat"], open: "09:00", close: "13:00" },
        ],
      },
    ],
    dids: [
      { number: "+551130000001", destination: { type: "extension", number: "1001" }, businessHoursId: null, afterHours: null },
      {
        number: "+551130000002",
        destination: { type: "ring_group", ringGroupId: "rg-vendas" },
        businessHoursId: "bh-comercial",
        afterHours: { type: "extension", number: "1003" },
      },
      { number: "+551130000003", destination: { type: "ring_group", ringGroupId: "rg-suporte" }, businessHoursId: null, afterHours: null },
      { number: "+551130000004", destination: { type: "trunk", trunkId: "trunk-matriz" }, businessHoursId: null, afterHours: null },
      { number: "+551130000005", destination: { type: "unavailable" }, businessHoursId: null, afterHours: null },
      { number: "+551130000006", destination: null, businessHoursId: null, afterHours: null },
      { number: "+551130000007", destination: { type: "trunk", trunkId: "trunk-antigo" }, businessHoursId: null, afterHours: null },
    ],
    routes: [
      {
        id: "route-acme-movel",
        name: "acme-movel-sp",
        pattern: "_011[6-9]XXXXXXXX",
        priority: 5,
        stripDigits: 1,
        prepend: "55",
        callerIdNumber: "+551130000001",
        gateways: ["vivo-sp", "carrier-a"],
      },
    ],
  };
}

function globex(): TenantModel {
  return {
    id: "tenant-globex",
    code: "globex",
    suspended: false,
    recordCalls: false,
    extensions: [ext("1001", "Gil Souto", { voicemail: true }), ext("1002", "Joao Simoes")],
    trunks: [],
    ringGroups: [{ id: "rg-globex-todos", name: "Todos", strategy: "ringall", ringSeconds: 25, members: ["1002", "1001"] }],
    businessHours: [
      { id: "bh-globex", name: "Plantão", timezone: "America/Manaus", rules: [{ days: ["sun", "sat"], open: "00:00", close: "00:00" }] },
    ],
    dids: [
      { number: "+552140000001", destination: { type: "extension", number: "1001" }, businessHoursId: null, afterHours: null },
      {
        number: "+552140000002",
        destination: { type: "ring_group", ringGroupId: "rg-globex-todos" },
        businessHoursId: "bh-globex",
        afterHours: null,
      },
    ],
    routes: [],
  };
}

function initech(): TenantModel {
  return {
    id: "tenant-initech",
    code: "initech",
    suspended: true,
    extensions: [ext("1001", "Peter Gibbons", { voicemail: true })],
    trunks: [trunk({ id: "trunk-initech", name: "pbx", authMode: "registration", secret: "Initech-pw.99" })],
    ringGroups: [],
    businessHours: [],
    dids: [{ number: "+551140000001", destination: { type: "extension", number: "1001" }, businessHoursId: null, afterHours: null }],
    routes: [],
  };
}

export function goldenModel(): PbxConfigModel {
  return {
    node: { id: "node-sp1", name: "sp1" },
    gateways: [
      {
        id: "gw-a",
        name: "carrier-a",
        host: "203.0.113.10",
        port: 5060,
        transport: "udp",
        codecs: ["alaw", "ulaw"],
        techPrefix: null,
        authMode: "ip_match",
        username: null,
        secret: null,
      },
      {
        id: "gw-b",
        name: "carrier-b",
        host: "sip.carrier-b.example",
        port: 5060,
        transport: "tcp",
        codecs: ["alaw", "ulaw", "g729"],
        techPrefix: "1010",
        authMode: "credentials",
        username: "linha01",
        secret: "Gw-Secret.2026",
      },
      {
        id: "gw-v6",
        name: "carrier-v6",
        host: "2001:db8::10",
        port: 5080,
        transport: "udp",
        codecs: ["alaw"],
        techPrefix: "99",
        authMode: "ip_match",
        username: null,
        secret: null,
      },
      {
        id: "gw-vivo",
        name: "vivo-sp",
        host: "sip.vivo.example",
        port: 5061,
        transport: "tls",
        codecs: ["g722", "alaw"],
        techPrefix: null,
        authMode: "credentials",
        username: "1130000000@ims.vivo.example",
        secret: "V1vo:pass/2026",
      },
    ],
    routes: [
      {
        id: "r-movel",
        name: "brasil-movel",
        pattern: "_0XX9XXXXXXXX",
        priority: 10,
        stripDigits: 1,
        prepend: "55",
        callerIdNumber: null,
        gateways: ["carrier-a", "carrier-b", "carrier-v6"],
      },
      {
        id: "r-fixo",
        name: "brasil-fixo",
        pattern: "_0XX[2-5]XXXXXXX",
        priority: 20,
        stripDigits: 1,
        prepend: "55",
        callerIdNumber: "+551130009999",
        gateways: ["carrier-b", "carrier-a"],
      },
      {
        id: "r-e164",
        name: "e164",
        pattern: "_+X.",
        priority: 30,
        stripDigits: 1,
        prepend: null,
        callerIdNumber: null,
        gateways: ["carrier-a"],
      },
      {
        id: "r-190",
        name: "emergencia_190",
        pattern: "190",
        priority: 0,
        stripDigits: 0,
        prepend: null,
        callerIdNumber: null,
        gateways: ["carrier-a"],
      },
      {
        id: "r-none",
        name: "internacional",
        pattern: "_00X.",
        priority: 40,
        stripDigits: 0,
        prepend: null,
        callerIdNumber: null,
        gateways: [],
      },
    ],
    // Out of order on purpose: the renderer sorts.
    tenants: [globex(), initech(), acme()],
  };
}
