import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDictionary, translateMessage } from "@/lib/i18n";
import { sha256Hex } from "@/server/crypto/secret-box";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery, tenantId } from "@/server/testing/owner-db";
import { acceptInvitation } from "@/server/services/invitations/accept-invitation";
import { auditActions, makeWorkspace, memberCaller, trpcError, type Caller } from "./settings-fixtures";

const newEmail = () => `invitee-${randomUUID().slice(0, 8)}@example.test`;
const tokenOf = (link: string) => new URL(link).pathname.split("/").pop()!;

async function openInvitations(tenant: string): Promise<{ id: string; email: string; tokenHash: string }[]> {
  return ownerQuery(
    `SELECT id, email, "tokenHash" FROM "Invitation" WHERE "tenantId" = $1 AND "acceptedAt" IS NULL AND "revokedAt" IS NULL`,
    [tenant],
  );
}

describe("settings.invitations", () => {
  let ws: Awaited<ReturnType<typeof makeWorkspace>>;
  let admin: Caller;
  let rep: Caller;

  beforeAll(async () => {
    ws = await makeWorkspace({ maxUsers: 20 });
    admin = (await memberCaller(ws.tenant, "admin")).caller;
    rep = (await memberCaller(ws.tenant, "rep")).caller;
  });

  it("creates an invitation with a one-time link on the tenant's host; only the token's hash is stored; audited without the token", async () => {
    const email = newEmail();
    const since = new Date();
    const { invitation, link } = await admin.settings.invitations.create({
      email: email.toUpperCase(),
      name: "Nina Nova",
      role: "manager",
    });
    expect(invitation).toMatchObject({ email, name: "Nina Nova", role: "manager", expired: false });
    expect(invitation.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(link).toMatch(new RegExp(`^http://${ws.tenant.slug}\\.localhost:3000/invite/[A-Za-z0-9_-]{43}$`));
    const [row] = await ownerQuery(`SELECT "tokenHash" FROM "Invitation" WHERE id = $1`, [invitation.id]);
    expect(row!.tokenHash).toBe(sha256Hex(tokenOf(link)));
    const entries = await auditActions(ws.tenant.id, since);
    expect(entries).toEqual([expect.objectContaining({ action: "invitation.create", objectId: invitation.id })]);
    expect(JSON.stringify(entries)).not.toContain(tokenOf(link));
    expect((await admin.settings.invitations.list()).map((i) => i.id)).toContain(invitation.id);
  });

  it("bad input gives field errors; inviting an existing member is a CONFLICT on the e-mail field", async () => {
    const error = await trpcError(admin.settings.invitations.create({ email: "not-an-email", name: "", role: "boss" as never }));
    expect(error.code).toBe("BAD_REQUEST");
    const [member] = await ownerQuery<{ email: string }>(
      `SELECT u.email FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE m."tenantId" = $1 LIMIT 1`,
      [ws.tenant.id],
    );
    const conflict = await trpcError(admin.settings.invitations.create({ email: member!.email, name: "Dup", role: "rep" }));
    expect(conflict.code).toBe("CONFLICT");
    expect(conflict.cause).toMatchObject({ details: { fieldErrors: { email: ["errors.already_member"] } } });
  });

  it("only an owner invites an owner", async () => {
    const email = newEmail();
    const error = await trpcError(admin.settings.invitations.create({ email, name: "Boss", role: "owner" }));
    expect(error.code).toBe("FORBIDDEN");
    expect((await openInvitations(ws.tenant.id)).some((i) => i.email === email)).toBe(false);
    const ok = await ws.owner.caller.settings.invitations.create({ email, name: "Boss", role: "owner" });
    expect(ok.invitation.role).toBe("owner");
    expect((await trpcError(admin.settings.invitations.revoke({ id: ok.invitation.id }))).code).toBe("FORBIDDEN");
  });

  it("renew replaces the link (the old one stops working) and revoke closes the invitation; both audited", async () => {
    const email = newEmail();
    const first = await admin.settings.invitations.create({ email, name: "Renata", role: "rep" });
    const since = new Date();
    const renewed = await admin.settings.invitations.renew({ id: first.invitation.id });
    expect(renewed.link).not.toBe(first.link);
    expect(renewed.invitation).toMatchObject({ email, name: "Renata", role: "rep" });
    const open = (await openInvitations(ws.tenant.id)).filter((i) => i.email === email);
    expect(open).toEqual([expect.objectContaining({ id: renewed.invitation.id, tokenHash: sha256Hex(tokenOf(renewed.link)) })]);
    expect((await trpcError(admin.settings.invitations.renew({ id: first.invitation.id }))).code).toBe("NOT_FOUND");

    await admin.settings.invitations.revoke({ id: renewed.invitation.id });
    expect((await openInvitations(ws.tenant.id)).some((i) => i.email === email)).toBe(false);
    expect((await trpcError(admin.settings.invitations.revoke({ id: renewed.invitation.id }))).code).toBe("NOT_FOUND");
    expect((await auditActions(ws.tenant.id, since)).map((e) => e.action)).toEqual(["invitation.renew", "invitation.revoke"]);
  });

  it("a rep gets FORBIDDEN from every invitations procedure", async () => {
    const email = newEmail();
    const { invitation } = await admin.settings.invitations.create({ email, name: "Target", role: "rep" });
    expect((await trpcError(rep.settings.invitations.list())).code).toBe("FORBIDDEN");
    expect((await trpcError(rep.settings.invitations.create({ email: newEmail(), name: "X", role: "rep" }))).code).toBe("FORBIDDEN");
    expect((await trpcError(rep.settings.invitations.renew({ id: invitation.id }))).code).toBe("FORBIDDEN");
    expect((await trpcError(rep.settings.invitations.revoke({ id: invitation.id }))).code).toBe("FORBIDDEN");
    expect((await openInvitations(ws.tenant.id)).some((i) => i.id === invitation.id)).toBe(true);
  });

  it("another tenant's invitation is NOT_FOUND and stays open; the list never shows it", async () => {
    const { invitation } = await admin.settings.invitations.create({ email: newEmail(), name: "Mine", role: "rep" });
    const ana = await callerFor("ana@acme.test", "acme.localhost:3000");
    expect((await trpcError(ana.settings.invitations.revoke({ id: invitation.id }))).code).toBe("NOT_FOUND");
    expect((await trpcError(ana.settings.invitations.renew({ id: invitation.id }))).code).toBe("NOT_FOUND");
    expect((await ana.settings.invitations.list()).some((i) => i.id === invitation.id)).toBe(false);
    expect((await openInvitations(ws.tenant.id)).some((i) => i.id === invitation.id)).toBe(true);
    const acme = await tenantId("acme");
    expect((await ana.settings.invitations.list()).length).toBe(
      (await ownerQuery(`SELECT 1 FROM "Invitation" WHERE "tenantId" = $1 AND "acceptedAt" IS NULL AND "revokedAt" IS NULL`, [acme]))
        .length,
    );
  });
});

describe("the plan's user limit, at the boundary (maxUsers = 3)", () => {
  it("limit−1 used: an invite succeeds; at the limit the next fails naming the limit; re-inviting takes no slot; accepting does not double count", async () => {
    const ws = await makeWorkspace({ maxUsers: 3 }); // 1 used: the owner
    const owner = ws.owner.caller;
    await memberCaller(ws.tenant, "rep"); // 2 used = limit − 1
    expect((await owner.settings.plan.get()).usage.users).toEqual({ used: 2, limit: 3 });

    const email = newEmail();
    const invited = await owner.settings.invitations.create({ email, name: "Last Slot", role: "rep" });
    expect((await owner.settings.plan.get()).usage.users).toEqual({ used: 3, limit: 3 });

    const full = await trpcError(owner.settings.invitations.create({ email: newEmail(), name: "One Too Many", role: "rep" }));
    expect(full.code).toBe("FORBIDDEN");
    expect(full.cause).toMatchObject({ code: "LIMIT_REACHED" });
    expect(full.message).toBe("errors.limit_users?limit=3");
    expect(translateMessage(getDictionary("en"), full.message)).toBe("Plan limit reached: 3 users (pending invitations included).");
    expect(translateMessage(getDictionary("pt-BR"), full.message)).toContain("3");

    // Re-inviting the already-invited e-mail (e.g. another role) replaces it without a new slot.
    const again = await owner.settings.invitations.create({ email, name: "Last Slot", role: "manager" });
    expect(again.invitation.role).toBe("manager");
    expect((await owner.settings.invitations.renew({ id: again.invitation.id })).invitation.email).toBe(email);
    expect((await owner.settings.plan.get()).usage.users).toEqual({ used: 3, limit: 3 });

    // Accepting turns the invitation into a membership: still 3, and still full.
    const open = (await owner.settings.invitations.list()).find((i) => i.email === email)!;
    const renewed = await owner.settings.invitations.renew({ id: open.id });
    await acceptInvitation(
      ws.tenant,
      { token: tokenOf(renewed.link), name: "Last Slot", password: "a good password", passwordConfirm: "a good password" },
      { ip: null, locale: "pt-BR" },
    );
    expect((await owner.settings.plan.get()).usage.users).toEqual({ used: 3, limit: 3 });
    expect(
      (await trpcError(owner.settings.invitations.create({ email: newEmail(), name: "Still Full", role: "rep" }))).cause,
    ).toMatchObject({
      code: "LIMIT_REACHED",
    });
  });

  it("revoking frees the slot; an expired invitation frees it too, and renewing it needs a free slot again", async () => {
    const ws = await makeWorkspace({ maxUsers: 2 });
    const owner = ws.owner.caller;
    const first = await owner.settings.invitations.create({ email: newEmail(), name: "A", role: "rep" });
    expect((await trpcError(owner.settings.invitations.create({ email: newEmail(), name: "B", role: "rep" }))).cause).toMatchObject({
      code: "LIMIT_REACHED",
    });
    await owner.settings.invitations.revoke({ id: first.invitation.id });
    const second = await owner.settings.invitations.create({ email: newEmail(), name: "B", role: "rep" });

    await ownerQuery(`UPDATE "Invitation" SET "expiresAt" = now() - interval '1 minute' WHERE id = $1`, [second.invitation.id]);
    expect((await owner.settings.plan.get()).usage.users.used).toBe(1);
    expect((await owner.settings.invitations.list()).find((i) => i.id === second.invitation.id)?.expired).toBe(true);
    const third = await owner.settings.invitations.create({ email: newEmail(), name: "C", role: "rep" });
    // The expired one held no slot: renewing it would overshoot the plan.
    expect((await trpcError(owner.settings.invitations.renew({ id: second.invitation.id }))).cause).toMatchObject({
      code: "LIMIT_REACHED",
    });
    await owner.settings.invitations.revoke({ id: third.invitation.id });
    expect((await owner.settings.invitations.renew({ id: second.invitation.id })).invitation.expired).toBe(false);
  });

  it("two admins inviting for the last slot at once: exactly one succeeds", async () => {
    const ws = await makeWorkspace({ maxUsers: 2 });
    const admin = (await memberCaller(ws.tenant, "admin")).caller;
    await ownerQuery(`UPDATE "Plan" SET "maxUsers" = 3 WHERE id = $1`, [ws.planId]);
    const results = await Promise.allSettled([
      ws.owner.caller.settings.invitations.create({ email: newEmail(), name: "X", role: "rep" }),
      admin.settings.invitations.create({ email: newEmail(), name: "Y", role: "rep" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await ws.owner.caller.settings.plan.get()).usage.users).toEqual({ used: 3, limit: 3 });
  });
});
