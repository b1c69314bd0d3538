import { type Pair, finishFile, pjsipSection } from "./config-text";
import type { PbxConfigModel, TenantModel, TrunkModel } from "./model";
import { hostPort, TRUNK_MEDIA } from "./pjsip-gateways";
import { renderedTenants, renderedTrunks } from "./rendered-rows";
import { trunkContext, trunkEndpoint } from "./names";

/** pjsip_customer_trunks.conf: SIP trunks to the tenants' own PBXs. Expects a validated model. */
export function writePjsipCustomerTrunks(model: PbxConfigModel): string {
  const lines: string[] = [];
  for (const tenant of renderedTenants(model)) {
    const trunks = renderedTrunks(tenant);
    if (trunks.length === 0) continue;
    lines.push(`; ---------- tenant ${tenant.code} ----------`, "");
    for (const trunk of trunks) writeTrunk(lines, tenant, trunk);
  }
  return finishFile("pjsip_customer_trunks.conf", lines);
}

function writeTrunk(lines: string[], tenant: TenantModel, trunk: TrunkModel): void {
  const name = trunkEndpoint(tenant.code, trunk.name);
  const byIp = trunk.authMode === "ip";
  pjsipSection(lines, name, "endpoint", [
    ["tenantid", tenant.code],
    ["context", trunkContext(tenant.code, trunk.name)],
    ["disallow", "all"],
    ["allow", trunk.codecs.join(",")],
    ...TRUNK_MEDIA,
    ["aors", name],
    // An IP trunk has no password: it must never be matched by the user name in a From header.
    ...(byIp
      ? ([["identify_by", "ip"]] as Pair[])
      : ([
          ["identify_by", "username"],
          ["auth", name],
        ] as Pair[])),
  ]);
  if (byIp && trunk.host !== null) {
    pjsipSection(lines, name, "aor", [
      ["contact", `sip:${hostPort(trunk.host, trunk.port)}`],
      ["qualify_frequency", 60],
    ]);
    pjsipSection(lines, name, "identify", [["endpoint", name], ...[...trunk.ipMatches].sort().map((ip): Pair => ["match", ip])]);
    return;
  }
  if (trunk.secret === null) return;
  // The customer's PBX registers as the endpoint's own name, like a phone.
  pjsipSection(lines, name, "auth", [
    ["auth_type", "userpass"],
    ["username", name],
    ["password", trunk.secret],
  ]);
  pjsipSection(lines, name, "aor", [
    ["max_contacts", 1],
    ["remove_existing", "yes"],
    ["qualify_frequency", 60],
  ]);
}
