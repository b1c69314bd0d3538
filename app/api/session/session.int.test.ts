import { describe, expect, it } from "vitest";
import { POST } from "./route";

function signIn(body: unknown, headers: Record<string, string>) {
  return POST(
    new Request("http://acme.localhost:3000/api/session", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
  );
}

const sameOrigin = { host: "acme.localhost:3000", origin: "http://acme.localhost:3000" };

describe("POST /api/session", () => {
  it("sets a host-only, HttpOnly, SameSite=Lax session cookie on success", async () => {
    const response = await signIn({ email: "ana@acme.test", password: "linha-demo" }, sameOrigin);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^linha\.session=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=lax/i);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it("answers a failure with its reason and sets no cookie", async () => {
    const response = await signIn({ email: "ana@acme.test", password: "wrong" }, sameOrigin);
    expect(await response.json()).toEqual({ ok: false, error: "invalid_credentials", params: {} });
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("refuses requests from another origin (cross-site sign-in)", async () => {
    for (const origin of ["http://evil.test", "http://globex.localhost:3000"]) {
      const response = await signIn({ email: "ana@acme.test", password: "linha-demo" }, { host: sameOrigin.host, origin });
      expect(response.status).toBe(403);
      expect(response.headers.get("set-cookie")).toBeNull();
    }
    expect((await signIn({ email: "ana@acme.test", password: "linha-demo" }, { host: sameOrigin.host })).status).toBe(403);
  });

  it("takes the workspace from the host, never from the body", async () => {
    const response = await signIn(
      { email: "ana@acme.test", password: "linha-demo", tenant: "acme" },
      { host: "globex.localhost:3000", origin: "http://globex.localhost:3000" },
    );
    expect(await response.json()).toEqual({ ok: false, error: "no_access", params: {} });
  });

  it("rejects malformed bodies with 400", async () => {
    const response = await signIn({ email: 42 }, sameOrigin);
    expect(response.status).toBe(400);
  });
});
