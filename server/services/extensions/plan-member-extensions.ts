import { asciiCallerIdName, isValidCallerIdName } from "@/lib/telephony/allow-list";

export const FIRST_MEMBER_EXTENSION = 1001;
const LAST_EXTENSION = 999_999;

export type MemberForExtension = { id: string; name: string; email: string };
export type PlannedExtension = { membershipId: string; number: string; name: string };

/**
 * The caller id name for a member: their name folded to ASCII ("João Simões" → "Joao Simoes"),
 * else the e-mail's local part folded, else the extension number (digits always pass).
 */
export function memberCallerIdName(member: { name: string; email: string }, number: string): string {
  const fromName = asciiCallerIdName(member.name);
  if (fromName) return fromName;
  const fromEmail = asciiCallerIdName(member.email.split("@")[0]!.replace(/[._-]+/g, " "));
  return fromEmail && isValidCallerIdName(fromEmail) ? fromEmail : number;
}

/**
 * One extension per member, in the given order, on the next numbers free from 1001 up. Pure, so
 * "create for everyone" and the demo seed number members the same way. Returns null when the
 * range runs out.
 */
export function planMemberExtensions(
  members: readonly MemberForExtension[],
  takenNumbers: ReadonlySet<string>,
  start = FIRST_MEMBER_EXTENSION,
): PlannedExtension[] | null {
  const planned: PlannedExtension[] = [];
  let next = start;
  for (const member of members) {
    while (next <= LAST_EXTENSION && takenNumbers.has(String(next))) next++;
    if (next > LAST_EXTENSION) return null;
    const number = String(next++);
    planned.push({ membershipId: member.id, number, name: memberCallerIdName(member, number) });
  }
  return planned;
}
