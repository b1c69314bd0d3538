import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { parseHost } from "@/lib/host";
import { ownerQuery, tenantId } from "@/server/testing/owner-db";
import { hashPassword } from "./password";
import { LOCKOUT_MINUTES, LoginFailure, MAX_FAILED_LOGINS, verifyLogin } from "./verify-login";

const acmeHost = parseHost("acme.localhost:3000", "localhost");

async function failure(promise: Promise<unknown>): Promise<LoginFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LoginFailure) return error;
    throw error;
  }
  throw new Error("expected the login to fail");
}

/** A fresh acme member, so lockout tests never lock the demo users. */
async function newAcmeMember(password: string): Promise<string> {
  const email = `tester-${randomUUID()}@acme.test`;
  const [user] = await ownerQuery<{ id: string }>(
    `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), $1, 'Tester', $2, now()) RETURNING id`,
    [email, await hashPassword(password)],
  );
  await ownerQuery(`INSERT INTO "Membership" (id, "tenantId", "userId", role) VALUES (gen_random_uuid(), $1, $2, 'rep')`, [
    await tenantId("acme"),
    user!.id,
  ]);
  return email;
}

describe("verifyLogin", () => {
  let email: string;
  beforeAll(async () => {
    email = await newAcmeMember("correct horse");
  });

  it("signs a member in on their tenant's host, scoped to that tenant", async () => {
    const result = await verifyLogin({ email: " ANA@acme.test ", password: "linha-demo", target: acmeHost });
    expect(result).toMatchObject({ email: "ana@acme.test", scope: "tenant:acme" });
  });

  it("refuses the same user on another tenant's host", async () => {
    const target = parseHost("globex.localhost:3000", "localhost");
    expect((await failure(verifyLogin({ email: "ana@acme.test", password: "linha-demo", target }))).code).toBe("no_access");
  });

  it("gives the same answer for a wrong password and an unknown e-mail", async () => {
    expect((await failure(verifyLogin({ email: "ana@acme.test", password: "wrong", target: acmeHost }))).message).toBe(
      "invalid_credentials",
    );
    expect((await failure(verifyLogin({ email: "nobody@acme.test", password: "x", target: acmeHost }))).message).toBe(
      "invalid_credentials",
    );
    await ownerQuery(`UPDATE "User" SET "failedLoginCount" = 0 WHERE email = 'ana@acme.test'`);
  });

  it("lets only super admins into the console, and only on the admin host", async () => {
    const admin = parseHost("admin.localhost:3000", "localhost");
    expect(await verifyLogin({ email: "root@linha.local", password: "linha-admin", target: admin })).toMatchObject({ scope: "admin" });
    expect((await failure(verifyLogin({ email: "ana@acme.test", password: "linha-demo", target: admin }))).code).toBe("not_admin");
    expect((await failure(verifyLogin({ email: "root@linha.local", password: "linha-admin", target: acmeHost }))).code).toBe("no_access");
    const root = parseHost("localhost:3000", "localhost");
    expect((await failure(verifyLogin({ email: "root@linha.local", password: "linha-admin", target: root }))).code).toBe(
      "workspace_unavailable",
    );
  });

  it(`locks the account after ${MAX_FAILED_LOGINS} failures, even for the right password, until the lock expires`, async () => {
    const now = new Date();
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      expect((await failure(verifyLogin({ email, password: `wrong ${i}`, target: acmeHost }, now))).code).toBe("invalid_credentials");
    }
    const locked = await failure(verifyLogin({ email, password: "wrong again", target: acmeHost }, now));
    expect(locked.code).toBe("locked");
    expect(locked.params.minutes).toBe(LOCKOUT_MINUTES);
    expect(locked.message).toBe(`locked?minutes=${LOCKOUT_MINUTES}`);

    expect((await failure(verifyLogin({ email, password: "correct horse", target: acmeHost }, now))).code).toBe("locked");
    const later = new Date(now.getTime() + (LOCKOUT_MINUTES + 1) * 60_000);
    await expect(verifyLogin({ email, password: "correct horse", target: acmeHost }, later)).resolves.toMatchObject({ email });
    const [row] = await ownerQuery(`SELECT "failedLoginCount", "lockedUntil" FROM "User" WHERE email = $1`, [email]);
    expect(row).toEqual({ failedLoginCount: 0, lockedUntil: null });
  });

  it("refuses sign-in to a suspended workspace", async () => {
    const [tenant] = await ownerQuery<{ id: string }>(
      `INSERT INTO "Tenant" (id, slug, name, status, "planId", "updatedAt")
       VALUES (gen_random_uuid(), 'suspensa', 'Suspensa Ltda', 'suspended', (SELECT id FROM "Plan" LIMIT 1), now()) RETURNING id`,
    );
    const [user] = await ownerQuery<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
    await ownerQuery(`INSERT INTO "Membership" (id, "tenantId", "userId", role) VALUES (gen_random_uuid(), $1, $2, 'rep')`, [
      tenant!.id,
      user!.id,
    ]);
    const target = parseHost("suspensa.localhost", "localhost");
    expect((await failure(verifyLogin({ email, password: "correct horse", target }))).code).toBe("workspace_unavailable");
  });
});
