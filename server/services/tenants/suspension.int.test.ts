import { TRPCError } from "@trpc/server";
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { parseHost } from "@/lib/host";
import { sha256Hex } from "@/server/crypto/secret-box";
import { createPlan, createTenant, TEST_PASSWORD, type ThrowawayTenant } from "@/server/routers/admin/tenants/throwaway-tenant";
import { LoginFailure, verifyLogin } from "@/server/services/auth/verify-login";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery } from "@/server/testing/owner-db";
import { createCaller } from "@/server/trpc/root";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return `${error.code} ${error.message}`;
    if (error instanceof LoginFailure) return error.code;
    throw error;
  }
}

/** A caller authenticated by an API key only, as a script calling the tenant's API would be. */
function apiKeyCaller(slug: string, apiKey: string) {
  return createCaller({
    target: parseHost(`${slug}.localhost:3000`, "localhost"),
    session: null,
    locale: "en",
    ip: "127.0.0.1",
    apiKey,
    origin: "http://localhost:3000",
  });
}

// A throw-away tenant with its own member and API key: suspending it can't disturb other test files.
describe("suspending a tenant takes effect on the very next request", () => {
  let tenant: ThrowawayTenant;
  let apiKey: string;

  beforeAll(async () => {
    tenant = await createTenant({ planId: (await createPlan({ features: ["api_access"] })).id, withMember: true });
    apiKey = `lk_${randomBytes(4).toString("hex")}_${randomBytes(24).toString("base64url")}`;
    await ownerQuery(`INSERT INTO "ApiKey" (id, "tenantId", name, prefix, "keyHash") VALUES (gen_random_uuid(), $1, 'ci', $2, $3)`, [
      tenant.id,
      apiKey.slice(0, 11),
      sha256Hex(apiKey),
    ]);
  });

  it("sessions already open, sign-in and API keys all stop, and come back on reactivation", async () => {
    const root = await callerFor("root@linha.local", "admin.localhost:3000");
    const member = await callerFor(tenant.member!.email, `${tenant.slug}.localhost:3000`);
    const script = apiKeyCaller(tenant.slug, apiKey);
    const signIn = () =>
      verifyLogin({ email: tenant.member!.email, password: TEST_PASSWORD, target: parseHost(`${tenant.slug}.localhost`, "localhost") });

    expect(await codeOf(member.leads.list({}))).toBe("OK");
    expect(await codeOf(script.leads.list({}))).toBe("OK");
    expect(await signIn()).toMatchObject({ scope: `tenant:${tenant.slug}` });

    await root.admin.tenants.suspend({ id: tenant.id });
    expect(await codeOf(member.leads.list({}))).toBe("FORBIDDEN errors.workspace_suspended");
    expect(await codeOf(member.leads.create({ name: "After suspension" }))).toBe("FORBIDDEN errors.workspace_suspended");
    expect(await codeOf(script.leads.list({}))).toBe("FORBIDDEN errors.workspace_suspended");
    expect(await codeOf(signIn())).toBe("workspace_unavailable");

    await root.admin.tenants.archive({ id: tenant.id });
    expect(await codeOf(member.leads.list({}))).toBe("FORBIDDEN errors.workspace_suspended");
    expect(await codeOf(signIn())).toBe("workspace_unavailable");

    await root.admin.tenants.reactivate({ id: tenant.id });
    expect(await codeOf(member.leads.list({}))).toBe("OK");
    expect(await codeOf(script.leads.list({}))).toBe("OK");
    expect(await signIn()).toMatchObject({ scope: `tenant:${tenant.slug}` });
    const [leads] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "Lead" WHERE "tenantId" = $1`, [tenant.id]);
    expect(leads!.n).toBe(0);
  });
});
