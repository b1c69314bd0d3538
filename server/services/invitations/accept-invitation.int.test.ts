import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { makeWorkspace, makeUser, memberCaller, TEST_PASSWORD } from "@/server/routers/settings/settings-fixtures";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery, tenantId } from "@/server/testing/owner-db";
import { withTenant } from "@/server/db";
import { verifyPassword } from "@/server/services/auth/password";
import { acceptInvitation, InvitationAcceptFailure } from "./accept-invitation";
import { findInvitationByToken } from "./find-invitation";

const newEmail = () => `invitee-${randomUUID().slice(0, 8)}@example.test`;
const tokenOf = (link: string) => new URL(link).pathname.split("/").pop()!;
const ctx = { ip: "10.0.0.7", locale: "en" };
const newAccount = (token: string, name = "Nadia New") => ({
  token,
  name,
  password: "a strong password",
  passwordConfirm: "a strong password",
});

async function failure(promise: Promise<unknown>): Promise<InvitationAcceptFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InvitationAcceptFailure) return error;
    throw error;
  }
  throw new Error("expected the acceptance to fail");
}

async function membershipsOf(email: string): Promise<{ tenantId: string; role: string }[]> {
  return ownerQuery(`SELECT m."tenantId", m.role FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1`, [email]);
}

describe("accepting an invitation", () => {
  let ws: Awaited<ReturnType<typeof makeWorkspace>>;
  const invite = async (email: string, role: "rep" | "manager" | "admin" = "rep") => {
    const { invitation, link } = await ws.owner.caller.settings.invitations.create({ email, name: "Nadia New", role });
    return { id: invitation.id, token: tokenOf(link) };
  };

  beforeAll(async () => {
    ws = await makeWorkspace();
  });

  it("a new person creates an account: user, membership with the invitation's role, invitation used, audit — and can sign in to the tenant", async () => {
    const email = newEmail();
    const { id, token } = await invite(email, "manager");
    const view = await withTenant(ws.tenant.id, (db) => findInvitationByToken(db, token));
    expect(view).toMatchObject({ email, role: "manager", status: "open", accountExists: false });

    const login = await acceptInvitation(ws.tenant, newAccount(token), ctx);
    expect(login).toMatchObject({ email, name: "Nadia New", scope: `tenant:${ws.tenant.slug}`, locale: "en" });
    const [user] = await ownerQuery(`SELECT id, name, "passwordHash" FROM "User" WHERE email = $1`, [email]);
    expect(user!.id).toBe(login.userId);
    expect(await verifyPassword("a strong password", user!.passwordHash)).toBe(true);
    expect(await membershipsOf(email)).toEqual([{ tenantId: ws.tenant.id, role: "manager" }]);
    const [inv] = await ownerQuery(`SELECT "acceptedAt" FROM "Invitation" WHERE id = $1`, [id]);
    expect(inv!.acceptedAt).toBeInstanceOf(Date);
    const [audit] = await ownerQuery(
      `SELECT "actorKind", "actorEmail", ip, after FROM "AuditLog" WHERE "tenantId" = $1 AND action = 'invitation.accept' AND "objectId" = $2`,
      [ws.tenant.id, id],
    );
    expect(audit).toMatchObject({
      actorKind: "member",
      actorEmail: email,
      ip: "10.0.0.7",
      after: { email, role: "manager", newAccount: true },
    });
    // The session the route handler makes works on the tenant's procedures.
    const caller = await callerFor(email, ws.tenant.host);
    expect((await caller.leads.list({})).total).toBe(0);
  });

  it("the same link cannot be used twice", async () => {
    const email = newEmail();
    const { token } = await invite(email);
    await acceptInvitation(ws.tenant, newAccount(token), ctx);
    expect((await failure(acceptInvitation(ws.tenant, newAccount(token), ctx))).code).toBe("used");
    expect(await membershipsOf(email)).toHaveLength(1);
  });

  it("two tabs accepting at the same moment make one membership", async () => {
    const email = newEmail();
    const existing = await makeUser();
    await ownerQuery(`UPDATE "User" SET email = $1 WHERE id = $2`, [email, existing.id]);
    const { token } = await invite(email);
    const results = await Promise.allSettled([
      acceptInvitation(ws.tenant, { token, password: TEST_PASSWORD }, ctx),
      acceptInvitation(ws.tenant, { token, password: TEST_PASSWORD }, ctx),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await membershipsOf(email)).toHaveLength(1);
  });

  it("a person with an account signs in with its password; the account keeps its name and password", async () => {
    const user = await makeUser("Eva Existing");
    const { token } = await invite(user.email, "admin");
    const view = await withTenant(ws.tenant.id, (db) => findInvitationByToken(db, token));
    expect(view?.accountExists).toBe(true);
    const login = await acceptInvitation(ws.tenant, { token, name: "Ignored", password: TEST_PASSWORD }, ctx);
    expect(login).toMatchObject({ userId: user.id, name: "Eva Existing" });
    expect(await membershipsOf(user.email)).toEqual([{ tenantId: ws.tenant.id, role: "admin" }]);
    const [row] = await ownerQuery(`SELECT name, "passwordHash" FROM "User" WHERE id = $1`, [user.id]);
    expect(row!.name).toBe("Eva Existing");
    expect(await verifyPassword(TEST_PASSWORD, row!.passwordHash)).toBe(true);
  });

  it("a wrong password for the existing account changes nothing, counts towards the lockout, and locks at the limit", async () => {
    const user = await makeUser();
    const { id, token } = await invite(user.email);
    const wrong = await failure(acceptInvitation(ws.tenant, { token, password: "not the password" }, ctx));
    expect(wrong.code).toBe("wrong_password");
    expect(wrong.fieldErrors).toEqual({ password: ["settings.invite.wrongPassword"] });
    expect(await membershipsOf(user.email)).toEqual([]);
    const [inv] = await ownerQuery(`SELECT "acceptedAt" FROM "Invitation" WHERE id = $1`, [id]);
    expect(inv!.acceptedAt).toBeNull();
    const [counted] = await ownerQuery(`SELECT "failedLoginCount" FROM "User" WHERE id = $1`, [user.id]);
    expect(counted!.failedLoginCount).toBe(1);

    for (let i = 0; i < 3; i++) await failure(acceptInvitation(ws.tenant, { token, password: "nope nope" }, ctx));
    const locked = await failure(acceptInvitation(ws.tenant, { token, password: "nope nope" }, ctx));
    expect(locked.code).toBe("locked");
    expect(locked.params.minutes).toBeGreaterThan(0);
    // Even the right password waits for the lock to pass.
    expect((await failure(acceptInvitation(ws.tenant, { token, password: TEST_PASSWORD }, ctx))).code).toBe("locked");
    expect(await membershipsOf(user.email)).toEqual([]);
  });

  it("a new account needs a name and a confirmed password of at least 8 characters", async () => {
    const email = newEmail();
    const { token } = await invite(email);
    const bad = await failure(acceptInvitation(ws.tenant, { token, name: "", password: "short", passwordConfirm: "shorter" }, ctx));
    expect(bad.code).toBe("invalid_input");
    expect(bad.fieldErrors).toEqual({
      name: ["errors.required"],
      password: ["errors.too_short?min=8"],
      passwordConfirm: ["settings.errors.password_mismatch"],
    });
    const mismatch = await failure(
      acceptInvitation(ws.tenant, { token, name: "N", password: "long enough", passwordConfirm: "long enougH" }, ctx),
    );
    expect(mismatch.fieldErrors).toEqual({ passwordConfirm: ["settings.errors.password_mismatch"] });
    expect(await ownerQuery(`SELECT 1 FROM "User" WHERE email = $1`, [email])).toEqual([]);
  });

  it("expired and revoked invitations are refused with their own reason and create nothing", async () => {
    const expiredEmail = newEmail();
    const expired = await invite(expiredEmail);
    await ownerQuery(`UPDATE "Invitation" SET "expiresAt" = now() - interval '1 second' WHERE id = $1`, [expired.id]);
    expect((await failure(acceptInvitation(ws.tenant, newAccount(expired.token), ctx))).code).toBe("expired");

    const revokedEmail = newEmail();
    const revoked = await invite(revokedEmail);
    await ws.owner.caller.settings.invitations.revoke({ id: revoked.id });
    expect((await failure(acceptInvitation(ws.tenant, newAccount(revoked.token), ctx))).code).toBe("revoked");

    // A renewed invitation's old link reads as revoked too.
    const renewedEmail = newEmail();
    const original = await invite(renewedEmail);
    await ws.owner.caller.settings.invitations.renew({ id: original.id });
    expect((await failure(acceptInvitation(ws.tenant, newAccount(original.token), ctx))).code).toBe("revoked");

    const created = await ownerQuery(`SELECT 1 FROM "User" WHERE email = ANY($1)`, [[expiredEmail, revokedEmail, renewedEmail]]);
    expect(created).toEqual([]);
  });

  it("a token of another tenant is invalid here (RLS hides it) and stays open there", async () => {
    const other = await makeWorkspace();
    const email = newEmail();
    const { invitation, link } = await other.owner.caller.settings.invitations.create({ email, name: "Elsewhere", role: "rep" });
    const token = tokenOf(link);
    expect(await withTenant(ws.tenant.id, (db) => findInvitationByToken(db, token))).toBeNull();
    expect((await failure(acceptInvitation(ws.tenant, newAccount(token), ctx))).code).toBe("invalid");
    const acme = { id: await tenantId("acme"), slug: "acme" };
    expect((await failure(acceptInvitation(acme, newAccount(token), ctx))).code).toBe("invalid");
    const [row] = await ownerQuery(`SELECT "acceptedAt" FROM "Invitation" WHERE id = $1`, [invitation.id]);
    expect(row!.acceptedAt).toBeNull();
    expect(await membershipsOf(email)).toEqual([]);
    // And made-up or malformed tokens.
    expect((await failure(acceptInvitation(ws.tenant, newAccount("x".repeat(43)), ctx))).code).toBe("invalid");
  });

  it("someone who became a member in the meantime is told so, and nothing is duplicated", async () => {
    const member = await memberCaller(ws.tenant, "rep");
    const email = member.user.email;
    // Invite before the membership existed: arrange the row directly.
    await ownerQuery(`DELETE FROM "Membership" WHERE id = $1`, [member.membershipId]);
    const { token } = await invite(email);
    await ownerQuery(`INSERT INTO "Membership" (id, "tenantId", "userId", role) VALUES (gen_random_uuid(), $1, $2, 'rep')`, [
      ws.tenant.id,
      member.user.id,
    ]);
    expect((await failure(acceptInvitation(ws.tenant, { token, password: TEST_PASSWORD }, ctx))).code).toBe("already_member");
    expect(await membershipsOf(email)).toHaveLength(1);
  });
});
