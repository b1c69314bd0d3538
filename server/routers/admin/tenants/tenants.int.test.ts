import { TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "@/server/crypto/secret-box";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery, tenantId } from "@/server/testing/owner-db";
import { auditEntries, createPlan, createTenant, createUser, tenantRow, uniqueSlug } from "./throwaway-tenant";

type Caller = Awaited<ReturnType<typeof callerFor>>;

async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/** The AppError (or ZodError) behind a tRPC error, with its field errors. */
function fieldErrorsOf(error: TRPCError): Record<string, string[]> {
  const cause = error.cause as {
    details?: { fieldErrors?: Record<string, string[]> };
    issues?: { path: PropertyKey[]; message: string }[];
  };
  if (cause?.details?.fieldErrors) return cause.details.fieldErrors;
  const out: Record<string, string[]> = {};
  for (const issue of cause?.issues ?? []) {
    const path = (issue.path[0] === "data" ? issue.path.slice(1) : issue.path).join(".");
    (out[path] ??= []).push(issue.message);
  }
  return out;
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return row!.n;
}

async function createPbxNode(): Promise<string> {
  const [node] = await ownerQuery<{ id: string }>(
    `INSERT INTO "PbxNode" (id, name, "amiHost", "amiUser", "amiSecretEnc", "configDir", "updatedAt")
     VALUES (gen_random_uuid(), $1, '10.0.0.1', 'linha', 'v1:x:y:z', '/etc/asterisk', now()) RETURNING id`,
    [uniqueSlug("pbx")],
  );
  return node!.id;
}

const validCreate = (slug: string, planId: string) => ({
  name: `Padaria ${slug}`,
  slug,
  cnpj: "11.222.333/0001-81",
  contactEmail: "Contato@Padaria.test",
  planId,
  ownerName: "Olga Owner",
  ownerEmail: `Owner-${slug}@Padaria.test`,
});

describe("admin.tenants", () => {
  let root: Caller;
  let plan: { id: string; name: string };

  beforeAll(async () => {
    root = await callerFor("root@linha.local", "admin.localhost:3000");
    plan = await createPlan({ maxUsers: 3, maxExtensions: 2, maxDids: 2 });
  });

  describe("list", () => {
    it("finds a tenant by name, slug and CNPJ digits, with its usage", async () => {
      const tenant = await createTenant({ name: `Quitanda ${randomUUID()}`, cnpj: "45723174000110", withMember: true });
      await ownerQuery(`INSERT INTO "Lead" (id, "tenantId", name, "updatedAt") VALUES (gen_random_uuid(), $1, 'L', now())`, [tenant.id]);
      await ownerQuery(
        `INSERT INTO "Extension" (id, "tenantId", number, name, "secretEnc", "updatedAt") VALUES (gen_random_uuid(), $1, '201', 'Ramal', 'v1:a:b:c', now())`,
        [tenant.id],
      );
      const [newest] = await ownerQuery<{ at: Date }>(
        `SELECT GREATEST((SELECT max("createdAt") FROM "Lead" WHERE "tenantId" = $1), (SELECT max("createdAt") FROM "Membership" WHERE "tenantId" = $1)) AS at`,
        [tenant.id],
      );
      for (const search of [tenant.name.slice(0, 20).toUpperCase(), tenant.slug, "457.231", tenant.name]) {
        const page = await root.admin.tenants.list({ search, limit: 100 });
        expect(
          page.items.map((t) => t.id),
          search,
        ).toContain(tenant.id);
      }
      const { items } = await root.admin.tenants.list({ search: tenant.slug });
      expect(items).toEqual([
        expect.objectContaining({
          id: tenant.id,
          slug: tenant.slug,
          status: "active",
          users: 1,
          extensions: 1,
          dids: 0,
          callsThisMonth: 0,
          lastActivityAt: newest!.at,
          deletable: false,
        }),
      ]);
      const fresh = await createTenant();
      expect((await root.admin.tenants.list({ search: fresh.slug })).items).toEqual([
        expect.objectContaining({ users: 0, extensions: 0, dids: 0, lastActivityAt: null, deletable: true }),
      ]);
    });

    it("hides archived tenants unless asked for, and filters by status", async () => {
      const name = `Filtro ${randomUUID()}`;
      const [active, suspended, archived] = await Promise.all(
        (["active", "suspended", "archived"] as const).map((status) => createTenant({ name: `${name} ${status}`, status })),
      );
      const ids = async (status?: "active" | "suspended" | "archived" | "all") =>
        (await root.admin.tenants.list({ search: name, status })).items.map((t) => t.id).sort();
      expect(await ids()).toEqual([active!.id, suspended!.id].sort());
      expect(await ids("archived")).toEqual([archived!.id]);
      expect(await ids("suspended")).toEqual([suspended!.id]);
      expect(await ids("all")).toEqual([active!.id, suspended!.id, archived!.id].sort());
    });

    it("pages by name with a cursor, without gaps or repeats", async () => {
      const prefix = `Página ${randomUUID()}`;
      const made = await Promise.all(["e", "a", "d", "b", "c"].map((s) => createTenant({ name: `${prefix} ${s}` })));
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<Caller["admin"]["tenants"]["list"]>> = await root.admin.tenants.list({
          search: prefix,
          limit: 2,
          cursor,
        });
        expect(page.total).toBe(5);
        seen.push(...page.items.map((t) => t.name));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(["a", "b", "c", "d", "e"].map((s) => `${prefix} ${s}`));
      expect(new Set(made.map((t) => t.id)).size).toBe(5);
    });

    it("rejects bad input", async () => {
      expect((await trpcError(root.admin.tenants.list({ limit: 0 }))).code).toBe("BAD_REQUEST");
      expect((await trpcError(root.admin.tenants.list({ status: "deleted" as never }))).code).toBe("BAD_REQUEST");
      expect((await trpcError(root.admin.tenants.list({ search: "x".repeat(101) }))).code).toBe("BAD_REQUEST");
    });
  });

  describe("get", () => {
    it("shows details, usage against the plan, owners and deletability", async () => {
      const tenant = await createTenant({ planId: plan.id, withMember: true });
      const detail = await root.admin.tenants.get({ id: tenant.id });
      expect(detail).toMatchObject({
        id: tenant.id,
        slug: tenant.slug,
        status: "active",
        plan: { id: plan.id, archived: false },
        usage: { users: { used: 1, limit: 3 }, extensions: { used: 0, limit: 2 }, dids: { used: 0, limit: 2 } },
        counts: { members: 1, leads: 0 },
        owners: [{ email: tenant.member!.email }],
        ownerInvitation: null,
        deletable: false,
      });
    });

    it("an unknown tenant is NOT_FOUND; a malformed id is BAD_REQUEST", async () => {
      expect((await trpcError(root.admin.tenants.get({ id: randomUUID() }))).code).toBe("NOT_FOUND");
      expect((await trpcError(root.admin.tenants.get({ id: "acme" }))).code).toBe("BAD_REQUEST");
    });
  });

  describe("options", () => {
    it("offers plans (archived ones flagged) and PBX nodes", async () => {
      const archived = await createPlan({ archived: true });
      const node = await createPbxNode();
      const options = await root.admin.tenants.options();
      expect(options.plans.find((p) => p.id === archived.id)).toMatchObject({ archived: true });
      expect(options.plans.find((p) => p.id === plan.id)).toMatchObject({ archived: false, monthlyPrice: "99.00" });
      expect(options.pbxNodes.map((n) => n.id)).toContain(node);
    });
  });

  describe("create", () => {
    it("creates the tenant and its owner's invitation in one step, and returns the link", async () => {
      const slug = uniqueSlug();
      const result = await root.admin.tenants.create(validCreate(slug, plan.id));
      expect(result.tenant).toMatchObject({ slug, name: `Padaria ${slug}` });
      const url = new URL(result.invitation.url);
      expect(url.host).toBe(`${slug}.localhost:3000`);
      expect(url.pathname).toMatch(/^\/invite\/[A-Za-z0-9_-]{40,}$/);
      const token = url.pathname.split("/").at(-1)!;

      expect(await tenantRow(result.tenant.id)).toMatchObject({
        slug,
        cnpj: "11222333000181",
        contactEmail: "contato@padaria.test",
        status: "active",
        planId: plan.id,
      });
      const invitations = await ownerQuery(`SELECT * FROM "Invitation" WHERE "tenantId" = $1`, [result.tenant.id]);
      expect(invitations).toEqual([
        expect.objectContaining({ email: `owner-${slug}@padaria.test`, name: "Olga Owner", role: "owner", tokenHash: sha256Hex(token) }),
      ]);
      expect(result.invitation).toMatchObject({ email: `owner-${slug}@padaria.test` });

      const [entry] = await auditEntries({ objectId: result.tenant.id, action: "tenant.create" });
      expect(entry).toMatchObject({
        actorKind: "super_admin",
        actorEmail: "root@linha.local",
        tenantId: result.tenant.id,
        before: null,
        after: expect.objectContaining({
          slug,
          planId: plan.id,
          ownerInvitation: expect.objectContaining({ email: `owner-${slug}@padaria.test` }),
        }),
      });
      expect(JSON.stringify(entry)).not.toContain(token);
    });

    it("a slug in use is a CONFLICT on the slug field, and nothing is written", async () => {
      const taken = await createTenant();
      const tenants = await count(`"Tenant"`);
      const invitations = await count(`"Invitation"`);
      const error = await trpcError(root.admin.tenants.create(validCreate(taken.slug, plan.id)));
      expect(error.code).toBe("CONFLICT");
      expect(fieldErrorsOf(error)).toEqual({ slug: ["console.errors.slug_taken"] });
      expect(await count(`"Tenant"`)).toBe(tenants);
      expect(await count(`"Invitation"`)).toBe(invitations);
    });

    it("two operators taking the same slug at once: exactly one succeeds", async () => {
      const slug = uniqueSlug();
      const results = await Promise.allSettled([
        root.admin.tenants.create(validCreate(slug, plan.id)),
        root.admin.tenants.create({ ...validCreate(slug, plan.id), ownerEmail: "other@padaria.test" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const failure = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect((failure.reason as TRPCError).code).toBe("CONFLICT");
      const [row] = await ownerQuery<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = $1`, [slug]);
      expect(await count(`"Invitation" WHERE "tenantId" = $1`, [row!.id])).toBe(1);
    });

    it.each([
      ["an invalid slug", { slug: "Acme!" }, "slug", "console.errors.slug_invalid"],
      ["a reserved slug", { slug: "admin" }, "slug", "console.errors.slug_reserved"],
      ["a slug too long", { slug: "a".repeat(33) }, "slug", "errors.too_long?max=32"],
      ["an invalid CNPJ", { cnpj: "11.222.333/0001-82" }, "cnpj", "errors.invalid_cnpj"],
      ["no owner e-mail", { ownerEmail: "" }, "ownerEmail", "errors.required"],
      ["an invalid owner e-mail", { ownerEmail: "not-an-email" }, "ownerEmail", "errors.invalid_email"],
      ["an invalid contact e-mail", { contactEmail: "x@" }, "contactEmail", "errors.invalid_email"],
      ["an empty name", { name: "  " }, "name", "errors.required"],
      ["a plan that is not an id", { planId: "pro" }, "planId", "errors.invalid_id"],
    ])("rejects %s with a field error and writes nothing", async (_label, patch, field, message) => {
      const before = await count(`"Tenant"`);
      const error = await trpcError(root.admin.tenants.create({ ...validCreate(uniqueSlug(), plan.id), ...patch }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(fieldErrorsOf(error)[field]).toEqual([message]);
      expect(await count(`"Tenant"`)).toBe(before);
    });

    it("refuses an archived or unknown plan and an unknown PBX node, writing nothing", async () => {
      const archived = await createPlan({ archived: true });
      const before = await count(`"Tenant"`);
      const cases: [Record<string, unknown>, string, string][] = [
        [{ planId: archived.id }, "planId", "console.errors.plan_archived"],
        [{ planId: randomUUID() }, "planId", "console.errors.plan_not_found"],
        [{ pbxNodeId: randomUUID() }, "pbxNodeId", "console.errors.pbx_node_not_found"],
      ];
      for (const [patch, field, message] of cases) {
        const error = await trpcError(root.admin.tenants.create({ ...validCreate(uniqueSlug(), plan.id), ...patch }));
        expect(error.code).toBe("BAD_REQUEST");
        expect(fieldErrorsOf(error)).toEqual({ [field]: [message] });
      }
      expect(await count(`"Tenant"`)).toBe(before);
    });
  });

  describe("update", () => {
    it("changes the editable fields and records before and after", async () => {
      const tenant = await createTenant({ planId: plan.id });
      const node = await createPbxNode();
      const bigger = await createPlan({ maxUsers: 50 });
      const detail = await root.admin.tenants.update({
        id: tenant.id,
        data: { name: "Renamed Ltda", cnpj: "45.723.174/0001-10", contactEmail: "Ops@Renamed.test", planId: bigger.id, pbxNodeId: node },
      });
      expect(detail).toMatchObject({
        name: "Renamed Ltda",
        cnpj: "45723174000110",
        contactEmail: "ops@renamed.test",
        plan: { id: bigger.id },
        pbxNode: { id: node },
        slug: tenant.slug,
      });
      const [entry] = await auditEntries({ objectId: tenant.id, action: "tenant.update" });
      expect(entry).toMatchObject({
        tenantId: tenant.id,
        before: expect.objectContaining({ name: tenant.name, planId: plan.id, pbxNodeId: null }),
        after: expect.objectContaining({ name: "Renamed Ltda", planId: bigger.id, pbxNodeId: node }),
      });
    });

    it("never changes the slug", async () => {
      const tenant = await createTenant();
      await root.admin.tenants.update({ id: tenant.id, data: { name: "Same slug", slug: "hijack" } as never });
      expect(await tenantRow(tenant.id)).toMatchObject({ slug: tenant.slug, name: "Same slug" });
    });

    it("a bad field changes nothing, not even the valid fields", async () => {
      const tenant = await createTenant();
      const error = await trpcError(root.admin.tenants.update({ id: tenant.id, data: { name: "Renamed", cnpj: "123" } }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(fieldErrorsOf(error)).toEqual({ cnpj: ["errors.invalid_cnpj"] });
      expect(await tenantRow(tenant.id)).toMatchObject({ name: tenant.name });
      expect(await auditEntries({ objectId: tenant.id, action: "tenant.update" })).toEqual([]);
    });

    it("refuses a plan smaller than what the tenant uses, naming the numbers", async () => {
      const tenant = await createTenant({ withMember: true });
      await ownerQuery(
        `INSERT INTO "Extension" (id, "tenantId", number, name, "secretEnc", "updatedAt") VALUES
           (gen_random_uuid(), $1, '201', 'A', 'v1:a:b:c', now()), (gen_random_uuid(), $1, '202', 'B', 'v1:a:b:c', now())`,
        [tenant.id],
      );
      const tiny = await createPlan({ maxExtensions: 1 });
      const error = await trpcError(root.admin.tenants.update({ id: tenant.id, data: { planId: tiny.id } }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toBe("console.errors.plan_too_small_extensions?used=2&limit=1");
      expect(await tenantRow(tenant.id)).toMatchObject({ planId: tenant.planId });
    });

    it("refuses moving to an archived plan, but keeps a tenant already on one", async () => {
      const archived = await createPlan({ archived: true });
      const onArchived = await createTenant({ planId: archived.id });
      await expect(
        root.admin.tenants.update({ id: onArchived.id, data: { name: "Still fine", planId: archived.id } }),
      ).resolves.toMatchObject({
        name: "Still fine",
      });
      const other = await createTenant();
      const error = await trpcError(root.admin.tenants.update({ id: other.id, data: { planId: archived.id } }));
      expect(fieldErrorsOf(error)).toEqual({ planId: ["console.errors.plan_archived"] });
    });

    it("an unknown tenant is NOT_FOUND", async () => {
      expect((await trpcError(root.admin.tenants.update({ id: randomUUID(), data: { name: "x" } }))).code).toBe("NOT_FOUND");
    });
  });

  describe("suspend, reactivate, archive", () => {
    it("moves through the statuses, recording each change", async () => {
      const tenant = await createTenant();
      const suspended = await root.admin.tenants.suspend({ id: tenant.id });
      expect(suspended).toMatchObject({ status: "suspended", suspendedAt: expect.any(Date) });
      const archived = await root.admin.tenants.archive({ id: tenant.id });
      expect(archived).toMatchObject({ status: "archived", suspendedAt: suspended.suspendedAt });
      const active = await root.admin.tenants.reactivate({ id: tenant.id });
      expect(active).toMatchObject({ status: "active", suspendedAt: null });

      const entries = await auditEntries({ objectId: tenant.id });
      expect(entries.map((e) => e.action)).toEqual(["tenant.reactivate", "tenant.archive", "tenant.suspend"]);
      expect(entries.at(-1)).toMatchObject({
        tenantId: tenant.id,
        before: expect.objectContaining({ status: "active", suspendedAt: null }),
        after: expect.objectContaining({ status: "suspended", suspendedAt: suspended.suspendedAt!.toISOString() }),
      });
    });

    it("refuses changes that do not apply, and changes nothing", async () => {
      const tenant = await createTenant();
      expect((await trpcError(root.admin.tenants.reactivate({ id: tenant.id }))).message).toBe("console.errors.cannot_reactivate_active");
      await root.admin.tenants.archive({ id: tenant.id });
      const error = await trpcError(root.admin.tenants.suspend({ id: tenant.id }));
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toBe("console.errors.cannot_suspend_archived");
      expect((await trpcError(root.admin.tenants.archive({ id: tenant.id }))).message).toBe("console.errors.cannot_archive_archived");
      expect(await tenantRow(tenant.id)).toMatchObject({ status: "archived" });
      expect((await auditEntries({ objectId: tenant.id })).map((e) => e.action)).toEqual(["tenant.archive"]);
      expect((await trpcError(root.admin.tenants.suspend({ id: randomUUID() }))).code).toBe("NOT_FOUND");
    });
  });

  describe("delete", () => {
    it("deletes a tenant nobody has joined yet, keeping a platform audit entry of it", async () => {
      const slug = uniqueSlug();
      const { tenant } = await root.admin.tenants.create(validCreate(slug, plan.id));
      expect((await root.admin.tenants.get({ id: tenant.id })).deletable).toBe(true);
      await expect(root.admin.tenants.delete({ id: tenant.id })).resolves.toEqual({ id: tenant.id });
      expect(await tenantRow(tenant.id)).toBeUndefined();
      expect(await count(`"Invitation" WHERE "tenantId" = $1`, [tenant.id])).toBe(0);
      const [entry] = await auditEntries({ objectId: tenant.id, action: "tenant.delete" });
      expect(entry).toMatchObject({ tenantId: null, actorKind: "super_admin", before: expect.objectContaining({ slug }), after: null });
    });

    it.each([
      ["a member", "members"],
      ["a lead", "leads"],
      ["an extension", "extensions"],
    ])("refuses a tenant with %s (CONFLICT), which stays as it was", async (_label, blocker) => {
      const tenant = await createTenant({ withMember: blocker === "members" });
      if (blocker === "leads") {
        await ownerQuery(`INSERT INTO "Lead" (id, "tenantId", name, "updatedAt") VALUES (gen_random_uuid(), $1, 'L', now())`, [tenant.id]);
      }
      if (blocker === "extensions") {
        await ownerQuery(
          `INSERT INTO "Extension" (id, "tenantId", number, name, "secretEnc", "updatedAt") VALUES (gen_random_uuid(), $1, '201', 'R', 'v1:a:b:c', now())`,
          [tenant.id],
        );
      }
      expect((await root.admin.tenants.get({ id: tenant.id })).deletable).toBe(false);
      const error = await trpcError(root.admin.tenants.delete({ id: tenant.id }));
      expect(error.code).toBe("CONFLICT");
      expect(error.cause).toMatchObject({ details: { blockers: [blocker] } });
      expect(await tenantRow(tenant.id)).toMatchObject({ status: "active" });
      expect(await auditEntries({ objectId: tenant.id, action: "tenant.delete" })).toEqual([]);
    });

    it("refuses a tenant with an allocated DID", async () => {
      const tenant = await createTenant();
      const [provider] = await ownerQuery<{ id: string }>(
        `INSERT INTO "Provider" (id, name, "updatedAt") VALUES (gen_random_uuid(), $1, now()) RETURNING id`,
        [uniqueSlug("prov")],
      );
      const number = `+5511${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
      await ownerQuery(
        `INSERT INTO "Did" (id, number, "providerId", status, "tenantId", "allocatedAt", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'allocated', $3, now(), now())`,
        [number, provider!.id, tenant.id],
      );
      expect((await trpcError(root.admin.tenants.delete({ id: tenant.id }))).cause).toMatchObject({ details: { blockers: ["dids"] } });
    });
  });

  describe("inviteOwner", () => {
    it("makes a new owner link; the old one (even to another address) stops working", async () => {
      const slug = uniqueSlug();
      const { tenant, invitation: first } = await root.admin.tenants.create(validCreate(slug, plan.id));
      const next = await root.admin.tenants.inviteOwner({ id: tenant.id, name: "Otto Owner", email: "Otto@Padaria.test" });
      expect(next.email).toBe("otto@padaria.test");
      expect(next.url).not.toBe(first.url);
      const rows = await ownerQuery<{ email: string; revokedAt: Date | null; tokenHash: string }>(
        `SELECT email, "revokedAt", "tokenHash" FROM "Invitation" WHERE "tenantId" = $1 ORDER BY "createdAt"`,
        [tenant.id],
      );
      expect(rows.map((r) => [r.email, r.revokedAt !== null])).toEqual([
        [first.email, true],
        ["otto@padaria.test", false],
      ]);
      expect(rows[1]!.tokenHash).toBe(sha256Hex(new URL(next.url).pathname.split("/").at(-1)!));
      const [entry] = await auditEntries({ tenantId: tenant.id, action: "invitation.create" });
      expect(entry).toMatchObject({
        objectType: "invitation",
        after: expect.objectContaining({ email: "otto@padaria.test", role: "owner" }),
      });
      expect((await root.admin.tenants.get({ id: tenant.id })).ownerInvitation).toMatchObject({
        email: "otto@padaria.test",
        expired: false,
      });
    });

    it("refuses bad input and archived tenants, changing nothing", async () => {
      const tenant = await createTenant();
      expect((await trpcError(root.admin.tenants.inviteOwner({ id: tenant.id, name: "X", email: "nope" }))).code).toBe("BAD_REQUEST");
      await root.admin.tenants.archive({ id: tenant.id });
      expect((await trpcError(root.admin.tenants.inviteOwner({ id: tenant.id, name: "X", email: "x@y.test" }))).code).toBe("CONFLICT");
      expect(await count(`"Invitation" WHERE "tenantId" = $1`, [tenant.id])).toBe(0);
      expect((await trpcError(root.admin.tenants.inviteOwner({ id: randomUUID(), name: "X", email: "x@y.test" }))).code).toBe("NOT_FOUND");
    });

    it("an e-mail that is already a member is a field error", async () => {
      const tenant = await createTenant({ withMember: true });
      const error = await trpcError(root.admin.tenants.inviteOwner({ id: tenant.id, name: "X", email: tenant.member!.email }));
      expect(error.code).toBe("CONFLICT");
      expect(fieldErrorsOf(error)).toEqual({ email: ["errors.already_member"] });
    });
  });

  describe("who may call", () => {
    it("tenant users, their sessions pointed at the console, and anonymous callers change nothing", async () => {
      const tenant = await createTenant();
      const ana = await callerFor("ana@acme.test", "acme.localhost:3000");
      const anaOnConsole = await callerFor("ana@acme.test", "admin.localhost:3000", "tenant:acme");
      const anaAsAdminScope = await callerFor("ana@acme.test", "admin.localhost:3000", "admin");
      const acme = await tenantId("acme");
      for (const caller of [ana, anaOnConsole, anaAsAdminScope]) {
        const calls: Promise<unknown>[] = [
          caller.admin.tenants.list({}),
          caller.admin.tenants.get({ id: acme }),
          caller.admin.tenants.options(),
          caller.admin.tenants.create(validCreate(uniqueSlug(), plan.id)),
          caller.admin.tenants.update({ id: tenant.id, data: { name: "hijacked" } }),
          caller.admin.tenants.suspend({ id: tenant.id }),
          caller.admin.tenants.reactivate({ id: tenant.id }),
          caller.admin.tenants.archive({ id: tenant.id }),
          caller.admin.tenants.delete({ id: tenant.id }),
          caller.admin.tenants.inviteOwner({ id: tenant.id, name: "X", email: "x@y.test" }),
          caller.admin.tenants.openSupportSession({ id: acme }),
          caller.admin.audit.list({}),
        ];
        for (const call of calls) expect((await trpcError(call)).code).toBe("FORBIDDEN");
      }
      expect(await tenantRow(tenant.id)).toMatchObject({ status: "active", name: tenant.name });
      expect(await auditEntries({ tenantId: tenant.id })).toEqual([]);
      expect(
        await count(`"SupportGrant" WHERE "tenantSlug" = 'acme' AND "adminUserId" = (SELECT id FROM "User" WHERE email = 'ana@acme.test')`),
      ).toBe(0);
    });

    it("a super admin flag removed takes effect on the next call", async () => {
      const admin = await createUser({ isSuperAdmin: true });
      const caller = await callerFor(admin.email, "admin.localhost:3000");
      await expect(caller.admin.tenants.list({ limit: 1 })).resolves.toBeDefined();
      await ownerQuery(`UPDATE "User" SET "isSuperAdmin" = false WHERE id = $1`, [admin.id]);
      expect((await trpcError(caller.admin.tenants.list({ limit: 1 }))).code).toBe("FORBIDDEN");
    });
  });
});
