import { exten, finishFile, type Step } from "./config-text";
import type { PbxConfigModel, TenantModel, TrunkModel } from "./model";
import {
  conferenceContext,
  conferenceRoom,
  extensionEndpoint,
  inboundContext,
  internalContext,
  OUTBOUND_LEG_CONTEXT,
  outboundContext,
  RECORDING_GUARD,
  TRUNK_GROUP_CATEGORY,
  trunkContext,
  trunkEndpoint,
  UNAVAILABLE_CONTEXT,
  voicemailContext,
} from "./names";
import { extensionsByNumber, renderedTenants, renderedTrunks, sortedExtensions } from "./rendered-rows";

/** Seconds an internal call rings before voicemail (or hang-up). */
export const EXTENSION_RING_SECONDS = 30;
export const UNAVAILABLE = `Goto(${UNAVAILABLE_CONTEXT},s,1)`;
/** Feature code to listen to one's own voicemail (as FreePBX). */
export const VOICEMAIL_CODE = "*97";

/** extensions_tenants.conf: shared helper contexts, then each tenant's internal and trunk contexts. */
export function writeExtensionsTenants(model: PbxConfigModel): string {
  const lines: string[] = [];
  lines.push(`[${OUTBOUND_LEG_CONTEXT}]`);
  // Runs on the carrier leg (Dial's b() option): Dial does not copy tenantid to the channel it creates.
  exten(lines, "s", ["Set(CHANNEL(tenantid)=${ARG1})", "Return()"]);
  lines.push("", `[${UNAVAILABLE_CONTEXT}]`);
  exten(lines, "s", ["Answer()", "Playback(ss-noservice)", "Hangup()"]);
  lines.push("");
  for (const tenant of renderedTenants(model)) {
    lines.push(`; ================= tenant ${tenant.code} =================`, `[${internalContext(tenant.code)}]`);
    writeInternal(lines, tenant);
    lines.push("", `[${conferenceContext(tenant.code)}]`);
    // Conference participants are originated here (exten = the 6-digit code); the room name carries
    // the tenant, so two tenants' conferences with the same code never meet.
    exten(lines, "_XXXXXX", [
      `Set(CHANNEL(tenantid)=${tenant.code})`,
      "Answer()",
      `ConfBridge(${conferenceRoom(tenant.code, "${EXTEN}")})`,
      "Hangup()",
    ]);
    lines.push("");
    for (const trunk of renderedTrunks(tenant)) {
      lines.push(`[${trunkContext(tenant.code, trunk.name)}]`);
      for (const pattern of ["_X.", "_+X."]) exten(lines, pattern, trunkSteps(tenant, trunk));
      lines.push("");
    }
  }
  return finishFile("extensions_tenants.conf", lines);
}

/**
 * Plan feature call_recording: start MixMonitor before the call is dialled, once per call — the guard
 * variable is inherited (`__`) by every channel the call dials, so a transfer or an inbound call that
 * reaches an internal context does not start a second recording. `b`: only while bridged (no ringing,
 * no voicemail). The file is `<code>/<linkedid>.wav` under Asterisk's monitor spool (RECORDINGS_DIR);
 * MixMonitor reports the full path as MIXMONITOR_FILENAME, which the call tracker turns into recordingPath.
 */
export function recordSteps(tenant: TenantModel): string[] {
  if (!tenant.recordCalls) return [];
  return [`ExecIf($["\${${RECORDING_GUARD}}" = ""]?MixMonitor(${tenant.code}/\${CHANNEL(linkedid)}.wav,b))`, `Set(__${RECORDING_GUARD}=1)`];
}

/** Dial an extension, then its voicemail when it has one. Shared with the DID destinations. */
export function extensionSteps(tenant: TenantModel, number: string, seconds = EXTENSION_RING_SECONDS): string[] {
  const ext = extensionsByNumber(tenant).get(number);
  if (!ext || !ext.enabled) return [UNAVAILABLE];
  const steps = [`Dial(PJSIP/${extensionEndpoint(tenant.code, number)},${seconds})`];
  if (ext.voicemail) steps.push(`VoiceMail(${number}@${voicemailContext(tenant.code)},u)`);
  steps.push("Hangup()");
  return steps;
}

function writeInternal(lines: string[], tenant: TenantModel): void {
  for (const ext of sortedExtensions(tenant)) {
    // A disabled extension still owns its number: otherwise the call would fall through to the
    // outbound routes and could leave through a carrier.
    const steps = extensionSteps(tenant, ext.number);
    exten(lines, ext.number, steps[0] === UNAVAILABLE ? steps : [...recordSteps(tenant), ...steps]);
  }
  if (tenant.extensions.some((e) => e.enabled && e.voicemail)) {
    // The mailbox is the calling endpoint's own (`<code>_<ext>`), never a number the caller types,
    // so no PIN is asked (`s`); a channel of another tenant or a carrier is refused.
    exten(lines, VOICEMAIL_CODE, [
      "Set(LINHA_MBX=${CHANNEL(endpoint)})",
      `GotoIf($["\${CUT(LINHA_MBX,_,1)}" != "${tenant.code}"]?deny)`,
      `VoiceMailMain(\${CUT(LINHA_MBX,_,2)}@${voicemailContext(tenant.code)},s)`,
      "Hangup()",
      { label: "deny", app: "Hangup()" },
    ]);
  }
  lines.push(`include => ${outboundContext(tenant.code)}`);
}

/** The GROUP() check that keeps a customer trunk within its channel limit (both directions). */
export function channelLimitSteps(tenant: TenantModel, trunk: TrunkModel): string[] {
  const group = trunkEndpoint(tenant.code, trunk.name);
  return [
    `Set(GROUP(${TRUNK_GROUP_CATEGORY})=${group})`,
    `ExecIf($[\${GROUP_COUNT(${group}@${TRUNK_GROUP_CATEGORY})} > ${trunk.channelLimit}]?Congestion())`,
  ];
}

function trunkSteps(tenant: TenantModel, trunk: TrunkModel): Step[] {
  const steps: Step[] = channelLimitSteps(tenant, trunk);
  if (trunk.callerIdPolicy === "fixed" && trunk.callerIdNumber !== null) {
    steps.push(`Set(LINHA_OUTCID=${trunk.callerIdNumber})`);
  } else {
    // Passthrough keeps the PBX's caller id only when it is one of this tenant's DIDs (they are
    // the extensions of its inbound context); anything else would let it spoof any number.
    steps.push(
      "Set(LINHA_CID=${FILTER(0-9,${CALLERID(num)})})",
      "Set(CALLERID(num)=)",
      `ExecIf($[\${DIALPLAN_EXISTS(${inboundContext(tenant.code)},\${LINHA_CID},1)}]?Set(LINHA_OUTCID=+\${LINHA_CID}))`,
    );
    if (trunk.callerIdNumber !== null) steps.push(`ExecIf($[\${LEN(\${LINHA_OUTCID})} = 0]?Set(LINHA_OUTCID=${trunk.callerIdNumber}))`);
  }
  steps.push(`Goto(${outboundContext(tenant.code)},\${EXTEN},1)`);
  return steps;
}
