import { type Pair, finishFile, pjsipSection } from "./config-text";
import type { ExtensionModel, PbxConfigModel, TenantModel } from "./model";
import { extensionEndpoint, internalContext, voicemailContext } from "./names";
import { renderedExtensions, renderedTenants } from "./rendered-rows";

/** Wideband first for phones that have it, then the G.711 pair every phone and carrier speaks. */
const PHONE_CODECS = "g722,alaw,ulaw";

/** pjsip_extensions.conf: endpoint + auth + aor per enabled extension. Expects a validated model. */
export function writePjsipExtensions(model: PbxConfigModel): string {
  const lines: string[] = [];
  for (const tenant of renderedTenants(model)) {
    const extensions = renderedExtensions(tenant);
    if (extensions.length === 0) continue;
    lines.push(`; ---------- tenant ${tenant.code} ----------`, "");
    for (const extension of extensions) writeExtension(lines, tenant, extension);
  }
  return finishFile("pjsip_extensions.conf", lines);
}

function writeExtension(lines: string[], tenant: TenantModel, ext: ExtensionModel): void {
  const name = extensionEndpoint(tenant.code, ext.number);
  const optional: Pair[] = [];
  if (ext.voicemail) optional.push(["mailboxes", `${ext.number}@${voicemailContext(tenant.code)}`]);
  // The routes read it: an extension's own outbound number wins over the route's.
  if (ext.callerIdNumber !== null) optional.push(["set_var", `LINHA_OUTCID=${ext.callerIdNumber}`]);
  pjsipSection(lines, name, "endpoint", [
    ["tenantid", tenant.code],
    ["context", internalContext(tenant.code)],
    ["callerid", `"${ext.callerIdName}" <${ext.number}>`],
    ["disallow", "all"],
    ["allow", PHONE_CODECS],
    ["direct_media", "no"],
    ["rtp_symmetric", "yes"],
    ["force_rport", "yes"],
    ["rewrite_contact", "yes"],
    ["dtmf_mode", "rfc4733"],
    ["identify_by", "username"],
    ["auth", name],
    ["aors", name],
    ...optional,
  ]);
  pjsipSection(lines, name, "auth", [
    ["auth_type", "userpass"],
    ["username", name],
    ["password", ext.secret],
  ]);
  pjsipSection(lines, name, "aor", [
    ["max_contacts", ext.maxContacts],
    ["remove_existing", "yes"],
    ["qualify_frequency", 60],
  ]);
}
