import type { MemberOutput, MemberRoleName } from "@/lib/schemas/settings";

// The UI's copy of the server's rules (server/services/settings/members.ts), to offer only what
// would be accepted. The server decides; these only hide choices that would be refused.

export const ROLE_RANK: Record<MemberRoleName, number> = { rep: 1, manager: 2, admin: 3, owner: 4 };

/** Why this member's role is locked: the last owner, or the last admin of a tenant without owners. */
export function lockedBecause(member: MemberOutput, members: MemberOutput[]): "lastOwner" | "lastAdmin" | null {
  const count = (role: MemberRoleName) => members.filter((m) => m.role === role).length;
  if (member.role === "owner" && count("owner") <= 1) return "lastOwner";
  if (member.role === "admin" && count("owner") === 0 && count("admin") <= 1) return "lastAdmin";
  return null;
}

/** Roles `myRole` may give this member, or null when the member's role can't be changed by them at all. */
export function assignableRoles(myRole: MemberRoleName, member: MemberOutput, members: MemberOutput[]): MemberRoleName[] | null {
  const locked = lockedBecause(member, members);
  if (locked === "lastOwner") return null;
  if (myRole === "owner") return ["owner", "admin", "manager", "rep"];
  if (member.role === "owner" || locked) return null;
  return ["admin", "manager", "rep"];
}

export function canRemove(myRole: MemberRoleName, member: MemberOutput, members: MemberOutput[]): boolean {
  if (lockedBecause(member, members)) return false;
  return member.role !== "owner" || myRole === "owner";
}
