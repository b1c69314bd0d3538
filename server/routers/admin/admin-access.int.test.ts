import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { appRouter } from "@/server/trpc/root";
import { callerFor, anonymousCaller } from "@/server/testing/callers";

/** Every console procedure, found by walking the router (a new one is covered automatically). */
const ADMIN_PROCEDURES = Object.keys(appRouter._def.procedures).filter((path) => path.startsWith("admin."));

type AnyCaller = Record<string, unknown>;

async function call(caller: AnyCaller, path: string): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)({});
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `not a TRPCError: ${String(error)}`;
  }
}

describe("operator console access", () => {
  it("has console procedures to protect", () => {
    expect(ADMIN_PROCEDURES.length).toBeGreaterThan(0);
  });

  it.each(ADMIN_PROCEDURES)("%s refuses tenant users, their sessions on the console host, and anonymous callers", async (path) => {
    const onTenantHost = (await callerFor("ana@acme.test", "acme.localhost:3000")) as unknown as AnyCaller;
    // ana's acme session replayed against the console host (cookies are host-only, but be sure).
    const onAdminHost = (await callerFor("ana@acme.test", "admin.localhost:3000", "tenant:acme")) as unknown as AnyCaller;
    // A super admin's console session used on a tenant host is not a console call either.
    const adminOnTenantHost = (await callerFor("root@linha.local", "acme.localhost:3000", "admin")) as unknown as AnyCaller;
    const anonymous = anonymousCaller("admin.localhost:3000") as unknown as AnyCaller;
    expect(await codeOf(call(onTenantHost, path))).toBe("FORBIDDEN");
    expect(await codeOf(call(onAdminHost, path))).toBe("FORBIDDEN");
    expect(await codeOf(call(adminOnTenantHost, path))).toBe("FORBIDDEN");
    expect(await codeOf(call(anonymous, path))).toBe("UNAUTHORIZED");
  });

  it("a super admin's console session passes the guard (fails only on input, if at all)", async () => {
    const root = (await callerFor("root@linha.local", "admin.localhost:3000")) as unknown as AnyCaller;
    for (const path of ADMIN_PROCEDURES) {
      expect(["OK", "BAD_REQUEST", "NOT_FOUND"], path).toContain(await codeOf(call(root, path)));
    }
  });
});
