import { AmiError, type AmiClient } from "@/asterisk/ami/types";
import { telephonyMessage } from "@/lib/schemas/extension";
import type { TrunkTestOutput } from "@/lib/schemas/trunk";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { withNodeAmi } from "@/server/services/pbx/ami-connections";
import { contactStatusOf, isSettled, type ContactStatus } from "./contact-status";
import { trunkNotFound } from "./trunk-errors";
import { trunkEndpointName } from "./trunk-output";
import type { TrunkTenant } from "./trunk-scope";

export type TrunkTestTiming = { timeoutMs: number; pollMs: number };
/** PJSIP's default qualify_timeout is 3 s: wait a little longer for the answer to the OPTIONS. */
const DEFAULT_TIMING: TrunkTestTiming = { timeoutMs: 3_500, pollMs: 250 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `PJSIPQualify` only queues the OPTIONS ("will qualify") and answers at once, so the contact
 * status is read back with `PJSIPShowEndpoint` until it settles or the qualify timeout passes.
 */
async function qualify(ami: AmiClient, endpoint: string, timing: TrunkTestTiming): Promise<ContactStatus> {
  await ami.action({ action: "PJSIPQualify", Endpoint: endpoint });
  const deadline = Date.now() + timing.timeoutMs;
  for (;;) {
    const status = contactStatusOf(await ami.action({ action: "PJSIPShowEndpoint", Endpoint: endpoint }));
    if (isSettled(status) || Date.now() + timing.pollMs > deadline) return status;
    await sleep(timing.pollMs);
  }
}

/** Asterisk's answer when the endpoint is not in its configuration (not synced yet). */
const UNKNOWN_ENDPOINT = /unable to retrieve endpoint|endpoint .*not found|no such endpoint/i;

function amiFailure(error: AmiError): AppError {
  if (error.code === "action_failed") {
    const reason = error.response?.message || error.message;
    return UNKNOWN_ENDPOINT.test(reason)
      ? new AppError("CONFLICT", telephonyMessage("telephony.trunks.errors.endpoint_not_loaded"))
      : new AppError("PBX_UNAVAILABLE", telephonyMessage("telephony.trunks.errors.test_failed", { reason }));
  }
  return new AppError("PBX_UNAVAILABLE", telephonyMessage("telephony.trunks.errors.pbx_unreachable", { reason: error.message }));
}

/**
 * Asks the tenant's PBX whether the trunk answers SIP OPTIONS, and how fast. A PBX that is not
 * connected, or a tenant without a node, is a clear error, never a crash or a made-up result.
 */
export async function testTrunk(
  db: TenantDb,
  tenant: TrunkTenant,
  id: string,
  timing: TrunkTestTiming = DEFAULT_TIMING,
): Promise<TrunkTestOutput> {
  const trunk = await db.trunk.findFirst({ where: { id, tenantId: tenant.id }, select: { name: true } });
  if (!trunk) throw trunkNotFound();
  const { pbxNodeId } = await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { pbxNodeId: true } });
  if (!pbxNodeId) throw new AppError("PBX_UNAVAILABLE", telephonyMessage("telephony.trunks.errors.no_pbx_node"));
  try {
    const status = await withNodeAmi(pbxNodeId, (ami) => qualify(ami, trunkEndpointName(tenant.slug, trunk.name), timing));
    return { ...status, checkedAt: new Date() };
  } catch (error) {
    if (error instanceof AmiError) throw amiFailure(error);
    throw error;
  }
}
