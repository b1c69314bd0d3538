import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery, tenantId } from "@/server/testing/owner-db";

type Caller = Awaited<ReturnType<typeof callerFor>>;

async function leadOf(slug: string): Promise<{ id: string; name: string; notes: string | null; updatedAt: Date }> {
  const [row] = await ownerQuery(`SELECT id, name, notes, "updatedAt" FROM "Lead" WHERE "tenantId" = $1 ORDER BY "createdAt" LIMIT 1`, [
    await tenantId(slug),
  ]);
  return row as never;
}

async function leadCount(slug: string): Promise<number> {
  const [row] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "Lead" WHERE "tenantId" = $1`, [await tenantId(slug)]);
  return row!.n;
}

async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("leads router", () => {
  let rui: Caller; // rep of acme
  let ana: Caller; // admin of acme

  beforeAll(async () => {
    rui = await callerFor("rui@acme.test", "acme.localhost:3000");
    ana = await callerFor("ana@acme.test", "acme.localhost:3000");
  });

  describe("cross-tenant access", () => {
    it("a rep of acme asking for a globex lead gets NOT_FOUND, never the row", async () => {
      const globexLead = await leadOf("globex");
      const error = await trpcError(rui.leads.get({ id: globexLead.id }));
      expect(error.code).toBe("NOT_FOUND");
      expect(JSON.stringify(error)).not.toContain(globexLead.name);
    });

    it("updating or deleting a globex lead from acme is NOT_FOUND and changes nothing", async () => {
      const before = await leadOf("globex");
      expect((await trpcError(rui.leads.update({ id: before.id, data: { notes: "hijacked" } }))).code).toBe("NOT_FOUND");
      expect((await trpcError(ana.leads.delete({ id: before.id }))).code).toBe("NOT_FOUND");
      expect(await leadOf("globex")).toEqual(before);
    });

    it("a session issued on acme is refused on globex's host", async () => {
      const forged = await callerFor("rui@acme.test", "globex.localhost:3000", "tenant:acme");
      expect((await trpcError(forged.leads.list({}))).code).toBe("UNAUTHORIZED");
      const noMembership = await callerFor("rui@acme.test", "globex.localhost:3000");
      expect((await trpcError(noMembership.leads.list({}))).code).toBe("UNAUTHORIZED");
    });

    it("the list never contains another tenant's leads", async () => {
      const globexIds = new Set(
        (await ownerQuery(`SELECT id FROM "Lead" WHERE "tenantId" = $1`, [await tenantId("globex")])).map((r) => r.id),
      );
      const page = await ana.leads.list({ limit: 100 });
      expect(page.total).toBeGreaterThan(0);
      expect(page.items.some((lead) => globexIds.has(lead.id))).toBe(false);
    });

    it("an owner from another tenant is rejected as a field error", async () => {
      const [globexMember] = await ownerQuery(`SELECT id FROM "Membership" WHERE "tenantId" = $1 LIMIT 1`, [await tenantId("globex")]);
      const error = await trpcError(ana.leads.create({ name: "Owner test", ownerId: globexMember!.id }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.cause).toMatchObject({ code: "INVALID_INPUT", details: { fieldErrors: { ownerId: ["errors.owner_not_member"] } } });
    });
  });

  describe("list", () => {
    it("pages with a cursor, newest first, without gaps or repeats, over the leads a rep may see", async () => {
      const [rep] = await ownerQuery<{ id: string }>(
        `SELECT m.id FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = 'rui@acme.test'`,
      );
      // Other test files add acme leads concurrently (newest first: they land before the cursor),
      // so the walk is checked against the rows that existed before it started.
      const before = await ownerQuery<{ id: string }>(
        `SELECT id FROM "Lead" WHERE "tenantId" = $1 AND ("ownerId" = $2 OR "ownerId" IS NULL)`,
        [await tenantId("acme"), rep!.id],
      );
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<Caller["leads"]["list"]>> = await rui.leads.list({ limit: 50, cursor });
        seen.push(...page.items.map((l) => l.id));
        for (let i = 1; i < page.items.length; i++) expect(page.items[i - 1]!.createdAt >= page.items[i]!.createdAt).toBe(true);
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 100);
      expect(new Set(seen).size).toBe(seen.length);
      expect(before.every((r) => seen.includes(r.id))).toBe(true);
    });

    it("searches name, company, e-mail and phone digits", async () => {
      const lead = await rui.leads.create({
        name: "Zuleide Pesquisável",
        company: "Quixadá Transportes",
        email: "zuleide@quixada.com.br",
        phone: "(85) 99876-1234",
      });
      for (const search of ["zuleide pesq", "QUIXADÁ", "zuleide@quixada", "998761234", "99876-1234"]) {
        const { items } = await rui.leads.list({ search });
        expect(
          items.map((l) => l.id),
          search,
        ).toContain(lead.id);
      }
      expect((await rui.leads.list({ search: "no-such-lead-anywhere" })).items).toEqual([]);
    });

    it("filters by status, source and owner", async () => {
      const mine = await rui.leads.list({ owner: "me", limit: 100 });
      expect(mine.items.every((l) => l.owner?.name === "Rui Barbosa")).toBe(true);
      const unassigned = await rui.leads.list({ owner: "none", limit: 100 });
      expect(unassigned.items.every((l) => l.owner === null)).toBe(true);
      const qualified = await rui.leads.list({ status: ["qualified"], source: ["website"], limit: 100 });
      expect(qualified.items.every((l) => l.status === "qualified" && l.source === "website")).toBe(true);
    });
  });

  describe("create and update", () => {
    it("normalizes phone to E.164 and CNPJ to digits, and assigns the creator", async () => {
      const lead = await rui.leads.create({
        name: "  Maria das Dores  ",
        phone: "(11) 98765-4321",
        cnpj: "11.222.333/0001-81",
        email: "Maria@Exemplo.com.br",
      });
      expect(lead).toMatchObject({
        name: "Maria das Dores",
        phone: "+5511987654321",
        cnpj: "11222333000181",
        email: "maria@exemplo.com.br",
        status: "new",
        owner: { name: "Rui Barbosa" },
      });
      const updated = await rui.leads.update({ id: lead.id, data: { status: "qualified", phone: "+1 415 555 2671" } });
      expect(updated).toMatchObject({ status: "qualified", phone: "+14155552671", cnpj: "11222333000181" });
      expect(await rui.leads.get({ id: lead.id })).toEqual(updated);
      expect(updated).toMatchObject({ tags: [], employees: null, lastContactAt: null });
      // Rescored on create and update: the score is the sum of the contributions it shows.
      expect(updated.scoredAt).not.toBeNull();
      expect(updated.score).toBe(updated.scoreDetails.reduce((sum, c) => sum + c.points, 0));
    });

    it.each([
      ["invalid phone", { name: "X", phone: "12345" }, "phone", "Invalid phone number"],
      ["phone with letters", { name: "X", phone: "11 98765-4321 ramal" }, "phone", "Invalid phone number"],
      ["invalid CNPJ", { name: "X", cnpj: "11.222.333/0001-82" }, "cnpj", "Invalid CNPJ"],
      ["empty name", { name: "   " }, "name", "Required."],
      ["over-long name", { name: "N".repeat(121) }, "name", "Use at most 120 characters."],
      ["over-long notes", { name: "X", notes: "n".repeat(2001) }, "notes", "Use at most 2000 characters."],
      ["invalid e-mail", { name: "X", email: "not-an-email" }, "email", "Invalid e-mail."],
      ["unknown status", { name: "X", status: "hot" }, "status", "Invalid option."],
    ])("rejects %s with a clear field message and writes nothing", async (_label, input, field, message) => {
      const before = await leadCount("acme");
      const error = await trpcError(rui.leads.create(input as never));
      expect(error.code).toBe("BAD_REQUEST");
      const shape = await formatted(error);
      expect(shape.data.fieldErrors[field]?.[0]).toContain(message);
      expect(shape.message).toContain(message);
      expect(await leadCount("acme")).toBe(before);
    });

    it("a bad field in an update changes nothing, not even the valid fields", async () => {
      const lead = await rui.leads.create({ name: "Atômico" });
      const error = await trpcError(rui.leads.update({ id: lead.id, data: { name: "Renomeado", cnpj: "123" } }));
      expect(error.code).toBe("BAD_REQUEST");
      expect((await rui.leads.get({ id: lead.id })).name).toBe("Atômico");
    });

    it("messages follow the caller's language", async () => {
      const error = await trpcError(rui.leads.create({ name: "" }));
      const pt = await formatted(error, "pt-BR");
      expect(pt.data.fieldErrors.name).toEqual(["Campo obrigatório."]);
    });
  });

  describe("visibility between reps (acme, owner mode)", () => {
    it("rui cannot get, update or delete a lead of bia's, nor see it in his list or export", async () => {
      const bia = await callerFor("bia@acme.test", "acme.localhost:3000");
      const biaLead = await bia.leads.create({ name: `Cliente da Bia ${Date.now()}` });
      expect((await trpcError(rui.leads.get({ id: biaLead.id }))).code).toBe("NOT_FOUND");
      expect((await trpcError(rui.leads.update({ id: biaLead.id, data: { notes: "meu" } }))).code).toBe("NOT_FOUND");
      expect((await rui.leads.list({ search: biaLead.name })).items).toEqual([]);
      expect((await rui.leads.export({ search: biaLead.name })).rows).toBe(0);
      expect((await ana.leads.list({ search: biaLead.name })).items.map((l) => l.id)).toEqual([biaLead.id]);
      await ana.leads.delete({ id: biaLead.id });
    });
  });

  describe("delete", () => {
    it("is for managers and above: a rep gets FORBIDDEN and the lead stays", async () => {
      const lead = await rui.leads.create({ name: "Para excluir" });
      expect((await trpcError(rui.leads.delete({ id: lead.id }))).code).toBe("FORBIDDEN");
      await expect(ana.leads.delete({ id: lead.id })).resolves.toEqual({ id: lead.id });
      expect((await trpcError(ana.leads.get({ id: lead.id }))).code).toBe("NOT_FOUND");
    });
  });
});

/** Runs the router's error formatter, as the HTTP handler does for every failed call. */
async function formatted(error: TRPCError, locale: "en" | "pt-BR" = "en") {
  const { appRouter } = await import("@/server/trpc/root");
  const { getHTTPStatusCodeFromError } = await import("@trpc/server/http");
  const shape = appRouter._def._config.errorFormatter({
    error,
    type: "mutation",
    path: "leads.create",
    input: undefined,
    ctx: { target: { kind: "root" }, session: null, locale, ip: null, apiKey: null, origin: "http://localhost:3000" },
    shape: {
      message: error.message,
      code: -32600,
      data: { code: error.code, httpStatus: getHTTPStatusCodeFromError(error), path: "leads.create" },
    },
  });
  return shape as { message: string; data: { fieldErrors: Record<string, string[]> } };
}
