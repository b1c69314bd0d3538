import { isValidDialPattern } from "@/lib/telephony/dial-pattern";
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
  WEEKDAYS,
} from "@/lib/telephony/allow-list";
import { SIP_USERNAME_PATTERN } from "@/lib/schemas/inventory";
import { ConfigValueError } from "./config-value-error";
import type { Destination, GatewayModel, GeneratedFile, PbxConfigModel, RouteModel, TenantModel } from "./model";
import { didDigits, extensionEndpoint, gatewayEndpoint, trunkEndpoint } from "./names";

// The renderer's own pass over the allow-lists. The forms validate the same values at save time;
// this runs again at write time so a value that slipped past a form (an old row, a console bug, a
// manual SQL fix) can never reach a config line. It checks EVERY value of the model, also the ones
// of disabled rows and suspended tenants, and every reference between rows.

type Ok = (value: unknown) => boolean;

function check(ok: boolean, file: GeneratedFile, section: string, field: string, reason = "not allowed"): void {
  if (!ok) throw new ConfigValueError(file, section, field, reason);
}

const str =
  (test: (v: string) => boolean): Ok =>
  (v) =>
    typeof v === "string" && test(v);
const nullable =
  (test: Ok): Ok =>
  (v) =>
    v === null || test(v);
const int =
  (min: number, max: number): Ok =>
  (v) =>
    typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
const bool: Ok = (v) => typeof v === "boolean";
const oneOf =
  (values: readonly string[]): Ok =>
  (v) =>
    typeof v === "string" && values.includes(v);
const codecs: Ok = (v) => Array.isArray(v) && v.every((c) => typeof c === "string") && isValidCodecList(v);

const secret = str((v) => SECRET_PATTERN.test(v));
const port = int(1, 65535);

/** A label for error messages built only from values that already passed (or a position). */
const label = (value: unknown, fallback: string) => (typeof value === "string" && /^[A-Za-z0-9_.+-]{1,60}$/.test(value) ? value : fallback);

export function assertValidModel(model: PbxConfigModel): void {
  const gatewayNames = validateGateways(model.gateways);
  validateRoutes(model.routes, gatewayNames, "operator");
  const codes = new Set<string>();
  const didOwner = new Map<string, string>();
  const endpoints = new Set([...gatewayNames].map(gatewayEndpoint));
  model.tenants.forEach((tenant, index) => {
    const section = `tenant ${label(tenant.code, `#${index}`)}`;
    check(str(isValidTenantCode)(tenant.code), "pjsip_extensions.conf", section, "code");
    check(!codes.has(tenant.code), "pjsip_extensions.conf", section, "code", "duplicate tenant code");
    codes.add(tenant.code);
    check(bool(tenant.suspended), "pjsip_extensions.conf", section, "suspended");
    check(tenant.recordCalls === undefined || bool(tenant.recordCalls), "extensions_tenants.conf", section, "recordCalls");
    validateTenant(tenant, gatewayNames, endpoints);
    for (const did of tenant.dids) {
      const digits = didDigits(did.number);
      check(!didOwner.has(digits), "extensions_dids.conf", section, `dids.${digits}`, "DID listed twice");
      didOwner.set(digits, tenant.code);
    }
  });
}

function validateGateways(gateways: GatewayModel[]): Set<string> {
  const file = "pjsip_gateways.conf";
  const names = new Set<string>();
  gateways.forEach((gw, index) => {
    const section = label(gw.name, `gateway #${index}`);
    check(str(isValidGatewayName)(gw.name), file, section, "name");
    check(!names.has(gw.name), file, section, "name", "duplicate gateway name");
    names.add(gw.name);
    check(str(isValidHost)(gw.host), file, section, "host");
    check(port(gw.port), file, section, "port");
    check(oneOf(["udp", "tcp", "tls"])(gw.transport), file, section, "transport");
    check(codecs(gw.codecs), file, section, "codecs");
    check(nullable(str(isValidTechPrefix))(gw.techPrefix), file, section, "techPrefix");
    check(oneOf(["credentials", "ip_match"])(gw.authMode), file, section, "authMode");
    check(nullable(str(isValidGatewayUsername))(gw.username), file, section, "username");
    check(nullable(secret)(gw.secret), file, section, "secret");
    if (gw.authMode === "credentials") {
      check(gw.username !== null, file, section, "username", "required for credentials");
      check(gw.secret !== null, file, section, "secret", "required for credentials");
    }
  });
  return names;
}

/** `user` or `user@domain` (then the domain is the registration's AOR host). */
function isValidGatewayUsername(value: string): boolean {
  const [user, domain, extra] = value.split("@");
  return SIP_USERNAME_PATTERN.test(value) && !!user && extra === undefined && (domain === undefined || isValidHost(domain));
}

function validateRoutes(routes: RouteModel[], gatewayNames: Set<string>, scope: string): void {
  const file = "extensions_routes.conf";
  const names = new Set<string>();
  routes.forEach((route, index) => {
    const section = `${scope} route ${label(route.name, `#${index}`)}`;
    check(str(isValidRouteName)(route.name), file, section, "name");
    // Contexts are looked up case-insensitively by people reading `dialplan show`: keep them apart.
    check(!names.has(route.name.toLowerCase()), file, section, "name", "duplicate route name");
    names.add(route.name.toLowerCase());
    check(str(isValidDialPattern)(route.pattern), file, section, "pattern");
    check(int(0, 100_000)(route.priority), file, section, "priority");
    check(int(0, 20)(route.stripDigits), file, section, "stripDigits");
    check(nullable(str(isValidPrepend))(route.prepend), file, section, "prepend");
    check(nullable(str(isValidCallerIdNumber))(route.callerIdNumber), file, section, "callerIdNumber");
    check(Array.isArray(route.gateways), file, section, "gateways");
    check(new Set(route.gateways).size === route.gateways.length, file, section, "gateways", "gateway listed twice");
    route.gateways.forEach((name, position) => {
      check(typeof name === "string" && gatewayNames.has(name), file, section, `gateways.${position}`, "unknown gateway");
    });
  });
}

function validateTenant(tenant: TenantModel, gatewayNames: Set<string>, endpoints: Set<string>): void {
  const code = tenant.code;
  const numbers = new Set<string>();
  for (const [index, ext] of tenant.extensions.entries()) {
    const file = "pjsip_extensions.conf";
    const section = extensionEndpoint(code, label(ext.number, `#${index}`));
    check(str(isValidExtensionNumber)(ext.number), file, section, "number");
    check(!numbers.has(ext.number), file, section, "number", "duplicate extension number");
    numbers.add(ext.number);
    check(str(isValidCallerIdName)(ext.callerIdName), file, section, "callerIdName");
    check(nullable(str(isValidCallerIdNumber))(ext.callerIdNumber), file, section, "callerIdNumber");
    check(secret(ext.secret), file, section, "secret");
    check(bool(ext.voicemail), file, section, "voicemail");
    check(int(1, 10)(ext.maxContacts), file, section, "maxContacts");
    check(bool(ext.enabled), file, section, "enabled");
    claim(endpoints, section, file);
  }
  const trunkIds = validateTrunks(tenant, endpoints);
  const ringGroupIds = validateRingGroups(tenant, numbers);
  const hoursIds = validateBusinessHours(tenant);
  validateRoutes(tenant.routes, gatewayNames, `tenant ${code}`);
  const refs = { numbers, trunkIds, ringGroupIds };
  for (const [index, did] of tenant.dids.entries()) {
    const file = "extensions_dids.conf";
    const section = `tenant ${code} did ${label(did.number, `#${index}`)}`;
    check(str(isValidDidNumber)(did.number), file, section, "number");
    check(did.destination === null || validDestination(did.destination, refs), file, section, "destination", "unknown destination");
    check(
      did.businessHoursId === null || (typeof did.businessHoursId === "string" && hoursIds.has(did.businessHoursId)),
      file,
      section,
      "businessHoursId",
      "unknown business hours",
    );
    check(did.afterHours === null || validDestination(did.afterHours, refs), file, section, "afterHours", "unknown destination");
  }
}

function claim(endpoints: Set<string>, name: string, file: GeneratedFile): void {
  check(!endpoints.has(name), file, name, "name", "two endpoints would get the same name");
  endpoints.add(name);
}

function validateTrunks(tenant: TenantModel, endpoints: Set<string>): Set<string> {
  const file = "pjsip_customer_trunks.conf";
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const [index, trunk] of tenant.trunks.entries()) {
    const section = trunkEndpoint(tenant.code, label(trunk.name, `#${index}`));
    check(typeof trunk.id === "string", file, section, "id");
    ids.add(trunk.id);
    check(str(isValidTrunkName)(trunk.name), file, section, "name");
    check(!names.has(trunk.name), file, section, "name", "duplicate trunk name");
    names.add(trunk.name);
    check(oneOf(["ip", "registration"])(trunk.authMode), file, section, "authMode");
    check(Array.isArray(trunk.ipMatches) && trunk.ipMatches.every(str(isValidIpOrCidr)), file, section, "ipMatches");
    check(nullable(str(isValidHost))(trunk.host), file, section, "host");
    check(port(trunk.port), file, section, "port");
    check(nullable(secret)(trunk.secret), file, section, "secret");
    check(codecs(trunk.codecs), file, section, "codecs");
    check(int(1, 1000)(trunk.channelLimit), file, section, "channelLimit");
    check(oneOf(["passthrough", "fixed"])(trunk.callerIdPolicy), file, section, "callerIdPolicy");
    check(nullable(str(isValidCallerIdNumber))(trunk.callerIdNumber), file, section, "callerIdNumber");
    check(bool(trunk.enabled), file, section, "enabled");
    if (trunk.authMode === "ip") {
      check(trunk.ipMatches.length > 0, file, section, "ipMatches", "required for IP authentication");
      check(trunk.host !== null, file, section, "host", "required for IP authentication");
    } else {
      check(trunk.secret !== null, file, section, "secret", "required for registration");
    }
    if (trunk.callerIdPolicy === "fixed") check(trunk.callerIdNumber !== null, file, section, "callerIdNumber", "required when fixed");
    claim(endpoints, section, file);
  }
  return ids;
}

function validateRingGroups(tenant: TenantModel, numbers: Set<string>): Set<string> {
  const file = "extensions_dids.conf";
  const ids = new Set<string>();
  for (const [index, group] of tenant.ringGroups.entries()) {
    // The ring group's name is shown in the UI only; it never reaches a config line.
    const section = `tenant ${tenant.code} ring group #${index}`;
    check(typeof group.id === "string", file, section, "id");
    ids.add(group.id);
    check(oneOf(["ringall", "sequential"])(group.strategy), file, section, "strategy");
    check(int(5, 300)(group.ringSeconds), file, section, "ringSeconds");
    check(
      Array.isArray(group.members) && new Set(group.members).size === group.members.length,
      file,
      section,
      "members",
      "member listed twice",
    );
    group.members.forEach((member, position) => {
      check(typeof member === "string" && numbers.has(member), file, section, `members.${position}`, "unknown extension");
    });
  }
  return ids;
}

function validateBusinessHours(tenant: TenantModel): Set<string> {
  const file = "extensions_dids.conf";
  const ids = new Set<string>();
  for (const [index, hours] of tenant.businessHours.entries()) {
    const section = `tenant ${tenant.code} business hours #${index}`;
    check(typeof hours.id === "string", file, section, "id");
    ids.add(hours.id);
    check(str(isValidTimezone)(hours.timezone), file, section, "timezone");
    check(Array.isArray(hours.rules), file, section, "rules");
    hours.rules.forEach((rule, position) => {
      check(Array.isArray(rule.days) && rule.days.every(oneOf(WEEKDAYS)), file, section, `rules.${position}.days`);
      check(str(isValidTimeOfDay)(rule.open), file, section, `rules.${position}.open`);
      check(str(isValidTimeOfDay)(rule.close), file, section, `rules.${position}.close`);
    });
  }
  return ids;
}

type References = { numbers: Set<string>; trunkIds: Set<string>; ringGroupIds: Set<string> };

function validDestination(destination: Destination, refs: References): boolean {
  switch (destination?.type) {
    case "extension":
      return typeof destination.number === "string" && refs.numbers.has(destination.number);
    case "ring_group":
      return typeof destination.ringGroupId === "string" && refs.ringGroupIds.has(destination.ringGroupId);
    case "trunk":
      return typeof destination.trunkId === "string" && refs.trunkIds.has(destination.trunkId);
    case "unavailable":
      return true;
    default:
      return false;
  }
}
