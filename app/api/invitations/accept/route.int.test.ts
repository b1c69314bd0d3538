import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { decode } from "next-auth/jwt";
import { makeWorkspace } from "@/server/routers/settings/settings-fixtures";
import { ownerQuery } from "@/server/testing/owner-db";
import { POST } from "./route";

function accept(host: string, body: unknown, origin: string | null = `http://${host}`) {
  return POST(
    new Request(`http://${host}/api/invitations/accept`, {
      method: "POST",
      headers: { "content-type": "application/json", host, ...(origin ? { origin } : {}) },
      body: JSON.stringify(body),
    }),
  );
}

describe("POST /api/invitations/accept", () => {
  let ws: Awaited<ReturnType<typeof makeWorkspace>>;
  const invite = async () => {
    const email = `route-${randomUUID().slice(0, 8)}@example.test`;
    const { link } = await ws.owner.caller.settings.invitations.create({ email, name: "Rota", role: "rep" });
    return { email, token: new URL(link).pathname.split("/").pop()! };
  };
  const body = (token: string) => ({ token, name: "Rota", password: "long enough", passwordConfirm: "long enough" });

  beforeAll(async () => {
    ws = await makeWorkspace();
  });

  it("accepts on the tenant's host and sets a host-only session cookie scoped to that tenant", async () => {
    const { email, token } = await invite();
    const response = await accept(ws.tenant.host, body(token));
    expect(await response.json()).toEqual({ ok: true, redirectTo: "/leads" });
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^linha\.session=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).not.toMatch(/Domain=/i);
    const jwt = await decode({ token: /^linha\.session=([^;]+)/.exec(cookie)![1], secret: process.env.NEXTAUTH_SECRET! });
    expect(jwt).toMatchObject({ email, scope: `tenant:${ws.tenant.slug}` });
  });

  it("answers a failure with its reason and no cookie", async () => {
    const { token } = await invite();
    const response = await accept(ws.tenant.host, { token, name: "", password: "x", passwordConfirm: "y" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: false, error: "invalid_input", fieldErrors: { name: ["errors.required"] } });
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("refuses cross-site requests and creates nothing", async () => {
    const { email, token } = await invite();
    for (const origin of ["http://evil.test", "http://acme.localhost:3000", null]) {
      const response = await accept(ws.tenant.host, body(token), origin);
      expect(response.status).toBe(403);
      expect(response.headers.get("set-cookie")).toBeNull();
    }
    expect(await ownerQuery(`SELECT 1 FROM "User" WHERE email = $1`, [email])).toEqual([]);
  });

  it("takes the tenant from the host: a token posted to another tenant's host is invalid", async () => {
    const { email, token } = await invite();
    const response = await accept("acme.localhost:3000", body(token));
    expect(await response.json()).toMatchObject({ ok: false, error: "invalid" });
    expect(await ownerQuery(`SELECT 1 FROM "User" WHERE email = $1`, [email])).toEqual([]);
  });

  it("a suspended workspace accepts nothing", async () => {
    const other = await makeWorkspace();
    const { link } = await other.owner.caller.settings.invitations.create({
      email: `s-${randomUUID().slice(0, 8)}@example.test`,
      name: "S",
      role: "rep",
    });
    await ownerQuery(`UPDATE "Tenant" SET status = 'suspended' WHERE id = $1`, [other.tenant.id]);
    const response = await accept(other.tenant.host, body(new URL(link).pathname.split("/").pop()!));
    expect(await response.json()).toEqual({ ok: false, error: "workspace_unavailable" });
  });

  it("rejects a malformed body with 400", async () => {
    expect((await accept(ws.tenant.host, { token: 42 })).status).toBe(400);
  });
});
