import type { ExtensionOutput } from "@/lib/schemas/extension";
import type { Prisma } from "@/prisma/generated/client";

/** Everything a list or form shows; deliberately not `secretEnc`. */
export const extensionSelect = {
  id: true,
  number: true,
  name: true,
  callerIdNumber: true,
  voicemail: true,
  maxContacts: true,
  enabled: true,
  createdAt: true,
  updatedAt: true,
  membership: { select: { id: true, user: { select: { name: true, email: true } } } },
} satisfies Prisma.ExtensionSelect;

type ExtensionRow = Prisma.ExtensionGetPayload<{ select: typeof extensionSelect }>;

/** `<tenantSlug>_<number>`: the PJSIP endpoint, unique across the PBX node (DESIGN.md, tenancy 5). */
export function endpointName(tenantSlug: string, number: string): string {
  return `${tenantSlug}_${number}`;
}

export function toExtensionOutput(row: ExtensionRow, tenantSlug: string): ExtensionOutput {
  const { membership, ...rest } = row;
  return {
    ...rest,
    endpoint: endpointName(tenantSlug, row.number),
    member: membership ? { id: membership.id, name: membership.user.name, email: membership.user.email } : null,
  };
}

/** What the audit log keeps of an extension (never the secret). */
export function extensionSnapshot(extension: ExtensionOutput) {
  return {
    number: extension.number,
    name: extension.name,
    endpoint: extension.endpoint,
    membershipId: extension.member?.id ?? null,
    callerIdNumber: extension.callerIdNumber,
    voicemail: extension.voicemail,
    maxContacts: extension.maxContacts,
    enabled: extension.enabled,
  };
}
