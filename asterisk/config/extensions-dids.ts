import { exten, finishFile, type Step } from "./config-text";
import { channelLimitSteps, extensionSteps, recordSteps, UNAVAILABLE } from "./extensions-tenants";
import type { BusinessHoursRule, Destination, DidModel, PbxConfigModel, TenantModel } from "./model";
import { didDigits, extensionEndpoint, FROM_GATEWAYS_CONTEXT, inboundContext, trunkEndpoint } from "./names";
import { extensionsByNumber, sortedTenants } from "./rendered-rows";

/** Seconds a DID routed to a customer trunk waits for the customer's PBX. */
const TRUNK_DIAL_SECONDS = 60;

/** extensions_dids.conf: the carriers' entry context, then each tenant's inbound context. Expects a validated model. */
export function writeExtensionsDids(model: PbxConfigModel): string {
  const tenants = sortedTenants(model);
  const entries: { digits: string; target: string }[] = [];
  for (const tenant of tenants) {
    for (const did of tenant.dids) {
      const digits = didDigits(did.number);
      // A suspended tenant keeps its numbers but gets no context: its DIDs answer "unavailable".
      entries.push({ digits, target: tenant.suspended ? UNAVAILABLE : `Goto(${inboundContext(tenant.code)},${digits},1)` });
    }
  }
  entries.sort((a, b) => (a.digits < b.digits ? -1 : a.digits > b.digits ? 1 : 0));
  const lines: string[] = [`[${FROM_GATEWAYS_CONTEXT}]`];
  for (const { digits, target } of entries) {
    // Carriers send the DID with or without the `+`; both forms reach the same place.
    exten(lines, digits, [target]);
    exten(lines, `+${digits}`, [target]);
  }
  // Unknown numbers: "unallocated number" (cause 1), so the carrier stops retrying.
  exten(lines, "_X.", ["Hangup(1)"]);
  exten(lines, "_+X.", ["Hangup(1)"]);
  lines.push("");
  for (const tenant of tenants) {
    if (tenant.suspended) continue;
    lines.push(`[${inboundContext(tenant.code)}]`);
    const dids = [...tenant.dids].sort((a, b) => (didDigits(a.number) < didDigits(b.number) ? -1 : 1));
    for (const did of dids) exten(lines, didDigits(did.number), didSteps(tenant, did));
    lines.push("");
  }
  return finishFile("extensions_dids.conf", lines);
}

function didSteps(tenant: TenantModel, did: DidModel): Step[] {
  // From here on every event of the carrier's channel names the tenant.
  const steps: Step[] = [`Set(CHANNEL(tenantid)=${tenant.code})`];
  // Recorded on the carrier's own channel, so the recording follows the caller through transfers.
  const routed = (d: Destination | null) => d !== null && d.type !== "unavailable";
  if (routed(did.destination) || (did.businessHoursId !== null && routed(did.afterHours))) steps.push(...recordSteps(tenant));
  const hours = did.businessHoursId === null ? null : tenant.businessHours.find((h) => h.id === did.businessHoursId)!;
  if (!hours) return [...steps, ...destinationSteps(tenant, did, did.destination)];
  for (const rule of hours.rules) {
    const spec = timeSpec(rule);
    if (spec) steps.push(`GotoIfTime(${spec},*,*,${hours.timezone}?open)`);
  }
  steps.push(...destinationSteps(tenant, did, did.afterHours));
  const [first, ...rest] = destinationSteps(tenant, did, did.destination);
  steps.push({ label: "open", app: first! }, ...rest);
  return steps;
}

const WEEKDAY_ORDER = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/**
 * `times,weekdays` of a GotoIfTime. Asterisk's ranges include their last minute, so a rule that
 * closes at 18:00 is written `…-17:59`. Open = close means all day; a rule without days never matches.
 */
export function timeSpec(rule: BusinessHoursRule): string | null {
  const days = WEEKDAY_ORDER.filter((d) => (rule.days as string[]).includes(d));
  if (days.length === 0) return null;
  const times = rule.open === rule.close ? "*" : `${rule.open}-${minuteBefore(rule.close)}`;
  return `${times},${days.join("&")}`;
}

function minuteBefore(time: string): string {
  const [h, m] = time.split(":").map(Number);
  const minutes = (h! * 60 + m! + 24 * 60 - 1) % (24 * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function destinationSteps(tenant: TenantModel, did: DidModel, destination: Destination | null): string[] {
  if (destination === null || destination.type === "unavailable") return [UNAVAILABLE];
  if (destination.type === "extension") return extensionSteps(tenant, destination.number);
  if (destination.type === "trunk") {
    const trunk = tenant.trunks.find((t) => t.id === destination.trunkId)!;
    if (!trunk.enabled) return [UNAVAILABLE];
    return [
      ...channelLimitSteps(tenant, trunk),
      `Dial(PJSIP/${did.number}@${trunkEndpoint(tenant.code, trunk.name)},${TRUNK_DIAL_SECONDS})`,
      "Hangup()",
    ];
  }
  const group = tenant.ringGroups.find((g) => g.id === destination.ringGroupId)!;
  const index = extensionsByNumber(tenant);
  const members = group.members.filter((n) => index.get(n)?.enabled).map((n) => `PJSIP/${extensionEndpoint(tenant.code, n)}`);
  if (members.length === 0) return [UNAVAILABLE];
  // Sequential: one Dial per member; an answered call ends the dialplan when it hangs up, so the
  // next member only rings when the previous one did not answer.
  const dials = group.strategy === "ringall" ? [members.join("&")] : members;
  return [...dials.map((target) => `Dial(${target},${group.ringSeconds})`), "Hangup()"];
}
