import { randomInt, randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { parseHost } from "@/lib/host";
import { anonymousCaller, callerFor } from "@/server/testing/callers";
import { ownerQuery } from "@/server/testing/owner-db";
import { appRouter, createCaller } from "@/server/trpc/root";
import { csvOf, insertProvider, unique } from "./tariffs-test-kit";

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
const TARIFFS = Object.keys(procedures).filter((path) => path.startsWith("admin.tariffs."));
const MUTATIONS = TARIFFS.filter((path) => procedures[path]!._def.type === "mutation").sort();

type AnyCaller = Record<string, unknown>;

async function codeOf(caller: AnyCaller, path: string, input: unknown = {}): Promise<string> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  try {
    await (fn as (input: unknown) => Promise<unknown>)(input);
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `not a TRPCError: ${String(error)}`;
  }
}

describe("admin.tariffs access", () => {
  it.each(TARIFFS)("%s refuses tenant users, their sessions on the console host, support sessions and anonymous callers", async (path) => {
    const input = { id: randomUUID(), deckId: randomUUID(), versionId: randomUUID(), tenantId: randomUUID(), type: "tenant" };
    const tenantAdmin = (await callerFor("ana@acme.test", "acme.localhost:3000")) as unknown as AnyCaller;
    const replayed = (await callerFor("ana@acme.test", "admin.localhost:3000", "tenant:acme")) as unknown as AnyCaller;
    const support = (await callerFor("root@linha.local", "acme.localhost:3000", "support:acme")) as unknown as AnyCaller;
    const consoleOnTenantHost = (await callerFor("root@linha.local", "acme.localhost:3000", "admin")) as unknown as AnyCaller;
    expect(await codeOf(tenantAdmin, path, input)).toBe("FORBIDDEN");
    expect(await codeOf(replayed, path, input)).toBe("FORBIDDEN");
    expect(await codeOf(support, path, input)).toBe("FORBIDDEN");
    expect(await codeOf(consoleOnTenantHost, path, input)).toBe("FORBIDDEN");
    expect(await codeOf(anonymousCaller("admin.localhost:3000") as unknown as AnyCaller, path, input)).toBe("UNAUTHORIZED");
  });

  it("records an audit entry for every tariffs mutation, by the super admin who made it", async () => {
    const ip = `203.0.113.${randomInt(1, 254)}-${randomUUID().slice(0, 8)}`;
    const [user] = await ownerQuery<{ id: string; name: string }>(`SELECT id, name FROM "User" WHERE email = 'root@linha.local'`);
    const root = createCaller({
      target: parseHost("admin.localhost:3000", "localhost"),
      session: {
        user: { id: user!.id, email: "root@linha.local", name: user!.name, scope: "admin", locale: "en" },
        expires: new Date(Date.now() + 3600_000).toISOString(),
      },
      locale: "en",
      ip,
      apiKey: null,
      origin: "http://localhost:3000",
    });
    const exercised = new Set<string>();
    let seen = 0;
    async function audited<T>(path: string, call: () => Promise<T>): Promise<T> {
      const result = await call();
      const rows = await ownerQuery<{ action: string; actorEmail: string }>(
        `SELECT action, "actorEmail" FROM "AuditLog" WHERE ip = $1 ORDER BY "createdAt", id OFFSET $2`,
        [ip, seen],
      );
      expect(rows.length, `${path} wrote no audit entry`).toBe(1);
      expect(rows[0]!.actorEmail).toBe("root@linha.local");
      seen += rows.length;
      exercised.add(path);
      return result;
    }
    const t = root.admin.tariffs;
    const provider = await insertProvider();
    const deck = await audited("admin.tariffs.decks.create", () =>
      t.decks.create({ name: unique("Audit"), kind: "buy", ownerType: "provider", ownerId: provider.id }),
    );
    await audited("admin.tariffs.decks.update", () => t.decks.update({ id: deck.id, data: { name: unique("Audit renamed") } }));
    await audited("admin.tariffs.import", () =>
      t.import({ deckId: deck.id, mode: "replace", csv: csvOf(["55;Brasil;0,1;;;;2026-01-01;"]) }),
    );
    const fields = {
      prefix: "5511",
      description: "SP",
      pricePerMinute: "0,05",
      connectionFee: "",
      increment: "30/6",
      effectiveFrom: "2026-01-01",
      effectiveTo: "",
    };
    await audited("admin.tariffs.rates.create", () => t.rates.create({ deckId: deck.id, data: fields }));
    const sp = (await t.rates.list({ deckId: deck.id, search: "5511" })).items[0]!;
    await audited("admin.tariffs.rates.update", () => t.rates.update({ id: sp.id, data: { ...fields, pricePerMinute: "0,06" } }));
    const sp2 = (await t.rates.list({ deckId: deck.id, search: "5511" })).items[0]!;
    await audited("admin.tariffs.rates.delete", () => t.rates.delete({ id: sp2.id }));
    const versions = await t.versions.list({ deckId: deck.id });
    await audited("admin.tariffs.versions.restore", () =>
      t.versions.restore({ versionId: versions.items.find((v) => v.number === 2)!.id }),
    );
    await audited("admin.tariffs.decks.delete", () => t.decks.delete({ id: deck.id }));
    expect([...exercised].sort()).toEqual(MUTATIONS);

    // A refused mutation leaves nothing behind.
    const before = seen;
    await expect(t.decks.create({ name: unique("X"), kind: "buy", ownerType: "provider", ownerId: randomUUID() })).rejects.toThrow();
    expect(await ownerQuery(`SELECT 1 FROM "AuditLog" WHERE ip = $1 OFFSET $2`, [ip, before])).toEqual([]);
  });
});
