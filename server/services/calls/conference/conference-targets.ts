import { extensionEndpoint } from "@/asterisk/config/names";
import { formatPhone } from "@/lib/phone";
import { isValidExtensionNumber } from "@/lib/telephony/allow-list";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { visibleLeadWhere, type CrmViewer } from "@/server/services/crm/access";
import { callsMessage } from "@/server/services/calls/control/call-errors";
import { assertRoutable, dialableNumber } from "@/server/services/calls/control/call-prerequisites";

/** `t_<slug>_conf`: the dialplan context whose extension `<code>` runs ConfBridge(`<slug>_conf_<code>`). */
export const conferenceContext = (slug: string) => `t_${slug}_conf`;
export const conferenceRoom = (slug: string, code: string) => `${slug}_conf_${code}`;

/** A conference leg: a tenant extension, or an external number dialled through the tenant's outbound context. */
export type ParticipantTarget = { kind: "extension" | "number"; target: string; label: string };

/** The Originate Channel of a leg: the extension's endpoint, or a Local channel into the outbound context. */
export function participantChannel(slug: string, target: ParticipantTarget): string {
  return target.kind === "extension" ? `PJSIP/${extensionEndpoint(slug, target.target)}` : `Local/${target.target}@t_${slug}_outbound`;
}

export const isExternal = (target: ParticipantTarget) => target.kind === "number";

/**
 * Resolves what a member typed into legs, collecting one message per bad entry (so the form can
 * point at each): 2–6 digits are an extension of the tenant that must be enabled and registered;
 * anything else must be a phone number some outbound route carries. `taken` are targets already
 * in the conference.
 */
export async function resolveParticipantTargets(
  db: TenantDb,
  tenantId: string,
  viewer: CrmViewer,
  raws: readonly string[],
  fieldName: (index: number) => string,
  taken: readonly string[] = [],
): Promise<ParticipantTarget[]> {
  const errors: Record<string, string[]> = {};
  const seen = new Set(taken);
  const out: ParticipantTarget[] = [];
  for (const [index, raw] of raws.entries()) {
    const fail = (message: string) => void (errors[fieldName(index)] = [message]);
    const compact = raw.replace(/[\s().-]/g, "");
    let target: ParticipantTarget | null = null;
    if (isValidExtensionNumber(compact)) {
      const extension = await db.extension.findFirst({
        where: { number: compact },
        select: { number: true, name: true, enabled: true, registered: true },
      });
      if (!extension) fail(callsMessage("calls.errors.unknown_extension", { extension: compact }));
      else if (!extension.enabled) fail(callsMessage("calls.errors.target_extension_disabled", { extension: compact }));
      else if (!extension.registered) fail(callsMessage("calls.errors.target_extension_offline", { extension: compact }));
      else target = { kind: "extension", target: extension.number, label: `${extension.name} (${extension.number})`.slice(0, 120) };
    } else {
      const number = dialableNumber(raw);
      if (!number) fail(callsMessage("calls.errors.invalid_target", { target: raw.slice(0, 32) }));
      else {
        try {
          await assertRoutable(tenantId, number);
          // A lead the member may see with this number names the leg; otherwise the number itself.
          const lead = await db.lead.findFirst({ where: { phone: number, ...visibleLeadWhere(viewer) }, select: { name: true } });
          target = { kind: "number", target: number, label: (lead?.name ?? formatPhone(number)).slice(0, 120) };
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          fail(error.message);
        }
      }
    }
    if (!target) continue;
    if (seen.has(target.target)) {
      fail(callsMessage("calls.errors.duplicate_target", { target: raw.slice(0, 32) }));
      continue;
    }
    seen.add(target.target);
    out.push(target);
  }
  const [first] = Object.values(errors);
  if (first) throw new AppError("INVALID_INPUT", first[0]!, { fieldErrors: errors });
  return out;
}
