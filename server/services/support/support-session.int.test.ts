import { TRPCError } from "@trpc/server";
import { decode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as openSupportLink } from "@/app/t/[tenant]/support/[token]/route";
import { serverEnv } from "@/lib/env";
import { sha256Hex } from "@/server/crypto/secret-box";
import { auditEntries, createTenant, createUser, type ThrowawayTenant } from "@/server/routers/admin/tenants/throwaway-tenant";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery } from "@/server/testing/owner-db";
import { consumeSupportGrant, SupportGrantRefused, type SupportGrantRefusal } from "./consume-support-grant";
import { SUPPORT_GRANT_SECONDS, SUPPORT_SESSION_SECONDS } from "./support-limits";
import { supportSessionActive } from "./support-session-active";

type Caller = Awaited<ReturnType<typeof callerFor>>;

async function refusal(promise: Promise<unknown>): Promise<SupportGrantRefusal> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SupportGrantRefused) return error.reason;
    throw error;
  }
  throw new Error("expected the grant to be refused");
}

async function trpcCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

const tokenOf = (url: string) => new URL(url).pathname.split("/").at(-1)!;

function linkRequest(url: string, host = new URL(url).host): [Request, { params: Promise<{ tenant: string; token: string }> }] {
  const slug = host.split(".")[0]!;
  return [
    new Request(url, { headers: { host, "x-forwarded-for": "203.0.113.9" } }),
    { params: Promise.resolve({ tenant: slug, token: tokenOf(url) }) },
  ];
}

describe("support sessions", () => {
  let root: Caller;
  let tenant: ThrowawayTenant;

  beforeAll(async () => {
    root = await callerFor("root@linha.local", "admin.localhost:3000");
    tenant = await createTenant({ withMember: true });
  });

  it("opening makes a two-minute, hashed, one-time grant and records support.open in the tenant's log", async () => {
    const before = Date.now();
    const { url, expiresAt } = await root.admin.tenants.openSupportSession({ id: tenant.id });
    expect(url).toMatch(new RegExp(`^http://${tenant.slug}\\.localhost:3000/support/[A-Za-z0-9_-]{40,}$`));
    expect(expiresAt.getTime() - before).toBeGreaterThanOrEqual(SUPPORT_GRANT_SECONDS * 1000 - 1000);
    expect(expiresAt.getTime() - before).toBeLessThanOrEqual(SUPPORT_GRANT_SECONDS * 1000 + 5000);
    const [grant] = await ownerQuery(`SELECT * FROM "SupportGrant" WHERE "tokenHash" = $1`, [sha256Hex(tokenOf(url))]);
    expect(grant).toMatchObject({ tenantSlug: tenant.slug, usedAt: null });
    const [entry] = await auditEntries({ tenantId: tenant.id, action: "support.open" });
    expect(entry).toMatchObject({ actorKind: "super_admin", actorEmail: "root@linha.local", objectId: tenant.id });
    expect(JSON.stringify(entry)).not.toContain(tokenOf(url));
  });

  it("a grant works once: the second use is refused", async () => {
    const { url } = await root.admin.tenants.openSupportSession({ id: tenant.id });
    const login = await consumeSupportGrant({ token: tokenOf(url), slug: tenant.slug, ip: "203.0.113.9" });
    expect(login).toMatchObject({ email: "root@linha.local", scope: `support:${tenant.slug}` });
    expect(await refusal(consumeSupportGrant({ token: tokenOf(url), slug: tenant.slug, ip: null }))).toBe("used");
    const [entry] = await auditEntries({ tenantId: tenant.id, action: "support.start" });
    expect(entry).toMatchObject({ actorKind: "support", actorEmail: "root@linha.local", ip: "203.0.113.9" });
  });

  it("two simultaneous uses of one link: exactly one session", async () => {
    const { url } = await root.admin.tenants.openSupportSession({ id: tenant.id });
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => consumeSupportGrant({ token: tokenOf(url), slug: tenant.slug, ip: null })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("an expired grant is refused", async () => {
    const { url } = await root.admin.tenants.openSupportSession({ id: tenant.id });
    const later = new Date(Date.now() + (SUPPORT_GRANT_SECONDS + 1) * 1000);
    expect(await refusal(consumeSupportGrant({ token: tokenOf(url), slug: tenant.slug, ip: null }, later))).toBe("expired");
  });

  it("a grant used on another tenant's host is refused, and burnt", async () => {
    const other = await createTenant();
    const { url } = await root.admin.tenants.openSupportSession({ id: tenant.id });
    expect(await refusal(consumeSupportGrant({ token: tokenOf(url), slug: other.slug, ip: null }))).toBe("wrong_tenant");
    expect(await refusal(consumeSupportGrant({ token: tokenOf(url), slug: tenant.slug, ip: null }))).toBe("used");
    expect(await auditEntries({ tenantId: other.id, action: "support.start" })).toEqual([]);
  });

  it("a grant of an admin who is no longer a super admin is refused", async () => {
    const admin = await createUser({ isSuperAdmin: true });
    const caller = await callerFor(admin.email, "admin.localhost:3000");
    const { url } = await caller.admin.tenants.openSupportSession({ id: tenant.id });
    await ownerQuery(`UPDATE "User" SET "isSuperAdmin" = false WHERE id = $1`, [admin.id]);
    expect(await refusal(consumeSupportGrant({ token: tokenOf(url), slug: tenant.slug, ip: null }))).toBe("not_super_admin");
  });

  it("unknown and malformed tokens are refused", async () => {
    expect(await refusal(consumeSupportGrant({ token: "x".repeat(43), slug: tenant.slug, ip: null }))).toBe("invalid");
    expect(await refusal(consumeSupportGrant({ token: "../../etc", slug: tenant.slug, ip: null }))).toBe("invalid");
  });

  it("only an active tenant can be opened as support; an unknown one is NOT_FOUND", async () => {
    const suspended = await createTenant({ status: "suspended" });
    expect(await trpcCode(root.admin.tenants.openSupportSession({ id: suspended.id }))).toBe("CONFLICT");
    expect(await trpcCode(root.admin.tenants.openSupportSession({ id: "0198a0a0-0000-7000-8000-000000000000" }))).toBe("NOT_FOUND");
    const [grants] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "SupportGrant" WHERE "tenantSlug" = $1`, [
      suspended.slug,
    ]);
    expect(grants!.n).toBe(0);
  });

  describe("the tenant host's link handler", () => {
    it("sets a host-only, one-hour support session cookie and sends the admin to /leads", async () => {
      const { url } = await root.admin.tenants.openSupportSession({ id: tenant.id });
      const response = await openSupportLink(...linkRequest(url));
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe("/leads");
      expect(response.headers.get("cache-control")).toBe("no-store");
      const cookie = response.headers.get("set-cookie") ?? "";
      expect(cookie).toMatch(/^linha\.session=/);
      expect(cookie).toMatch(new RegExp(`Max-Age=${SUPPORT_SESSION_SECONDS}`));
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).not.toMatch(/Domain=/i);
      const jwt = await decode({ token: cookie.split(";")[0]!.split("=")[1]!, secret: serverEnv().NEXTAUTH_SECRET });
      expect(jwt).toMatchObject({ scope: `support:${tenant.slug}`, email: "root@linha.local" });
      expect((jwt!.exp as number) - Date.now() / 1000).toBeLessThanOrEqual(SUPPORT_SESSION_SECONDS + 5);
      expect(await supportSessionActive(jwt!.uid as string, tenant.slug)).toBe(true);
      expect(
        await supportSessionActive(jwt!.uid as string, tenant.slug, new Date(Date.now() + (SUPPORT_SESSION_SECONDS + 60) * 1000)),
      ).toBe(false);
    });

    it("refuses a used link, or one opened on another host, without a cookie", async () => {
      const { url } = await root.admin.tenants.openSupportSession({ id: tenant.id });
      const elsewhere = await openSupportLink(...linkRequest(url, "globex.localhost:3000"));
      expect(elsewhere.headers.get("location")).toBe("/support/invalid");
      expect(elsewhere.headers.get("set-cookie")).toBeNull();
      const again = await openSupportLink(...linkRequest(url));
      expect(again.headers.get("location")).toBe("/support/invalid");
      expect(again.headers.get("set-cookie")).toBeNull();
    });
  });

  describe("a support caller on the tenant's host", () => {
    it("reads, but every mutation is refused and it never reaches another tenant", async () => {
      const support = await callerFor("root@linha.local", `${tenant.slug}.localhost:3000`, `support:${tenant.slug}`);
      await expect(support.leads.list({})).resolves.toMatchObject({ total: 0 });
      expect(await trpcCode(support.leads.create({ name: "Support was here" }))).toBe("FORBIDDEN");
      const [leads] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "Lead" WHERE "tenantId" = $1`, [tenant.id]);
      expect(leads!.n).toBe(0);
      const onGlobex = await callerFor("root@linha.local", "globex.localhost:3000", `support:${tenant.slug}`);
      expect(await trpcCode(onGlobex.leads.list({}))).toBe("UNAUTHORIZED");
    });
  });
});
