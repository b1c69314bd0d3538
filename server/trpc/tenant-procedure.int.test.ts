import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { parseHost } from "@/lib/host";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery } from "@/server/testing/owner-db";
import { createCaller } from "./root";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
}

describe("support sessions in tenantProcedure", () => {
  it("need a grant used within the hour, whatever the cookie says, and stay read-only", async () => {
    const [root] = await ownerQuery<{ id: string }>(`SELECT id FROM "User" WHERE email = 'root@linha.local'`);
    // A support cookie for globex with no grant behind it (e.g. re-issued by next-auth later).
    const stale = createCaller({
      target: parseHost("globex.localhost:3000", "localhost"),
      session: {
        user: { id: root!.id, email: "root@linha.local", name: "Root", scope: "support:globex", locale: "en" },
        expires: new Date(Date.now() + 86_400_000).toISOString(),
      },
      locale: "en",
      ip: null,
      apiKey: null,
      origin: "http://localhost:3000",
    });
    const ageGrants = () => ownerQuery(`UPDATE "SupportGrant" SET "usedAt" = now() - interval '2 hours' WHERE "tenantSlug" = 'globex'`);
    await ageGrants();
    expect(await codeOf(stale.leads.list({}))).toBe("UNAUTHORIZED");

    const fresh = await callerFor("root@linha.local", "globex.localhost:3000", "support:globex");
    expect(await codeOf(fresh.leads.list({}))).toBe("OK");
    expect(await codeOf(fresh.leads.create({ name: "Support cannot write" }))).toBe("FORBIDDEN");

    await ageGrants();
    expect(await codeOf(stale.leads.list({}))).toBe("UNAUTHORIZED");
  });
});
