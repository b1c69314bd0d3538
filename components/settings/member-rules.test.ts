import { describe, expect, it } from "vitest";
import type { MemberOutput } from "@/lib/schemas/settings";
import { assignableRoles, canRemove, lockedBecause } from "./member-rules";

const member = (id: string, role: MemberOutput["role"]): MemberOutput => ({
  id,
  userId: id,
  name: id,
  email: `${id}@x.test`,
  role,
  createdAt: new Date(0),
  leadCount: 0,
  isSelf: false,
});

describe("member rules", () => {
  const owner = member("o", "owner");
  const admin = member("a", "admin");
  const rep = member("r", "rep");
  const team = [owner, admin, rep];

  it("the only owner is locked; with two owners neither is", () => {
    expect(lockedBecause(owner, team)).toBe("lastOwner");
    expect(assignableRoles("owner", owner, team)).toBeNull();
    expect(canRemove("owner", owner, team)).toBe(false);
    const second = member("o2", "owner");
    expect(lockedBecause(owner, [...team, second])).toBeNull();
    expect(assignableRoles("owner", owner, [...team, second])).toEqual(["owner", "admin", "manager", "rep"]);
  });

  it("admins manage everyone but owners, and cannot make owners", () => {
    const second = member("o2", "owner");
    expect(assignableRoles("admin", rep, team)).toEqual(["admin", "manager", "rep"]);
    expect(assignableRoles("admin", second, [...team, second])).toBeNull();
    expect(canRemove("admin", second, [...team, second])).toBe(false);
    expect(canRemove("admin", rep, team)).toBe(true);
  });

  it("without owners, the last admin is locked; a second admin unlocks both", () => {
    const noOwner = [admin, rep];
    expect(lockedBecause(admin, noOwner)).toBe("lastAdmin");
    expect(assignableRoles("admin", admin, noOwner)).toBeNull();
    expect(canRemove("admin", admin, noOwner)).toBe(false);
    const admin2 = member("a2", "admin");
    expect(lockedBecause(admin, [...noOwner, admin2])).toBeNull();
    expect(canRemove("admin", admin, [...noOwner, admin2])).toBe(true);
  });
});
