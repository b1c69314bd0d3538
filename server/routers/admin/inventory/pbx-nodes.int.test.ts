import { beforeAll, describe, expect, it } from "vitest";
import { openSecret } from "@/server/crypto/secret-box";
import { ownerQuery } from "@/server/testing/owner-db";
import { auditFor, blamedFields, count, rootCaller, throwawayTenant, trpcError, unique, type Caller } from "./inventory-test-kit";

const storedSecret = async (id: string) =>
  (await ownerQuery<{ amiSecretEnc: string }>(`SELECT "amiSecretEnc" FROM "PbxNode" WHERE id = $1`, [id]))[0]!.amiSecretEnc;

describe("admin.inventory.pbxNodes", () => {
  let root: Caller;
  const node = () => ({
    name: unique("pbx"),
    amiHost: "pbx1.linha.example",
    amiUser: "linha",
    amiSecret: "ami-Secret1",
    configDir: "/etc/asterisk/linha",
  });
  beforeAll(async () => {
    root = await rootCaller();
  });

  it("creates a node with a sealed AMI secret that no read returns, edits it keeping or replacing the secret", async () => {
    const input = node();
    const created = await root.admin.inventory.pbxNodes.create({ ...input, amiPort: 5039 });
    expect(created).toMatchObject({ name: input.name, amiPort: 5039, status: "unknown", hasSecret: true, tenantCount: 0 });
    const sealed = await storedSecret(created.id);
    expect(openSecret(sealed, process.env.APP_SECRET!)).toBe("ami-Secret1");

    const updated = await root.admin.inventory.pbxNodes.update({ id: created.id, data: { ...input, amiHost: "10.1.1.1", amiSecret: "" } });
    expect(updated).toMatchObject({ amiHost: "10.1.1.1", amiPort: 5038 });
    expect(await storedSecret(created.id)).toBe(sealed);
    await root.admin.inventory.pbxNodes.update({ id: created.id, data: { ...input, amiSecret: "new-Secret2" } });
    expect(openSecret(await storedSecret(created.id), process.env.APP_SECRET!)).toBe("new-Secret2");

    const reads = JSON.stringify([
      created,
      updated,
      await root.admin.inventory.pbxNodes.get({ id: created.id }),
      await root.admin.inventory.pbxNodes.list(),
      await auditFor(created.id),
    ]);
    expect(reads).not.toMatch(/ami-Secret1|new-Secret2|amiSecretEnc|"amiSecret"/);
    expect(reads).not.toContain(sealed);
    expect((await auditFor(created.id)).map((a) => a.action)).toEqual(["pbx_node.create", "pbx_node.update", "pbx_node.update"]);
  });

  it("lets the operator set maintenance or unknown, never connected/disconnected", async () => {
    const created = await root.admin.inventory.pbxNodes.create(node());
    expect((await root.admin.inventory.pbxNodes.setStatus({ id: created.id, status: "maintenance" })).status).toBe("maintenance");
    const error = await trpcError(root.admin.inventory.pbxNodes.setStatus({ id: created.id, status: "connected" as never }));
    expect(error.code).toBe("BAD_REQUEST");
    expect((await root.admin.inventory.pbxNodes.get({ id: created.id })).status).toBe("maintenance");
    // An edit does not touch the status.
    await root.admin.inventory.pbxNodes.update({ id: created.id, data: { ...node(), name: created.name } });
    expect((await root.admin.inventory.pbxNodes.setStatus({ id: created.id, status: "unknown" })).status).toBe("unknown");
    const audit = await auditFor(created.id);
    expect(audit.filter((a) => a.action === "pbx_node.set_status").map((a) => a.after)).toEqual([
      { status: "maintenance" },
      { status: "unknown" },
    ]);
  });

  it.each([
    ["a relative config directory", { configDir: "etc/asterisk" }, "configDir"],
    ["a config directory climbing out", { configDir: "/etc/asterisk/../../root" }, "configDir"],
    ["a config directory with a line break", { configDir: "/etc/asterisk\n[evil]" }, "configDir"],
    ["a config directory with a semicolon", { configDir: "/etc/asterisk;rm" }, "configDir"],
    ["a config directory with a space", { configDir: "/etc/my asterisk" }, "configDir"],
    ["an AMI host with a bracket", { amiHost: "pbx]" }, "amiHost"],
    ["an AMI user with a newline", { amiUser: "linha\n[admin]" }, "amiUser"],
    ["an AMI user with a parenthesis", { amiUser: "linha)" }, "amiUser"],
    ["an AMI secret with a comma", { amiSecret: "abc,def" }, "amiSecret"],
    ["no AMI secret", { amiSecret: "" }, "amiSecret"],
    ["AMI port 70000", { amiPort: 70000 }, "amiPort"],
    ["an empty name", { name: "" }, "name"],
  ])("refuses %s and writes nothing", async (_label, patch, field) => {
    // Name and host are this attempt's own (one of them is the bad value): other files add nodes too.
    const input = { ...node(), amiHost: `${unique("h")}.example`, ...patch };
    const error = await trpcError(root.admin.inventory.pbxNodes.create(input as never));
    expect(error.code).toBe("BAD_REQUEST");
    expect(blamedFields(error)).toEqual([field]);
    expect(await count("PbxNode", `name = $1 OR "amiHost" = $2`, [input.name, input.amiHost])).toBe(0);
  });

  it("a bad edit changes nothing, not even its valid fields", async () => {
    const input = node();
    const created = await root.admin.inventory.pbxNodes.create(input);
    const error = await trpcError(
      root.admin.inventory.pbxNodes.update({
        id: created.id,
        data: { ...input, amiHost: "10.9.9.9", configDir: "/etc/asterisk/../../etc" },
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(blamedFields(error)).toEqual(["configDir"]);
    expect(await root.admin.inventory.pbxNodes.get({ id: created.id })).toEqual(created);
    expect((await auditFor(created.id)).map((a) => a.action)).toEqual(["pbx_node.create"]);
  });

  it("refuses a taken name", async () => {
    const created = await root.admin.inventory.pbxNodes.create(node());
    const error = await trpcError(root.admin.inventory.pbxNodes.create({ ...node(), name: created.name }));
    expect(error.code).toBe("CONFLICT");
    expect(blamedFields(error)).toEqual(["name"]);
  });

  it("deletes only a node no tenant uses", async () => {
    const created = await root.admin.inventory.pbxNodes.create(node());
    const tenant = await throwawayTenant(1);
    await ownerQuery(`UPDATE "Tenant" SET "pbxNodeId" = $1 WHERE id = $2`, [created.id, tenant.id]);
    expect((await root.admin.inventory.pbxNodes.get({ id: created.id })).tenantCount).toBe(1);

    const error = await trpcError(root.admin.inventory.pbxNodes.delete({ id: created.id }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("inventory.errors.pbx_in_use?tenants=1");
    expect(await count("PbxNode", "id = $1", [created.id])).toBe(1);

    await ownerQuery(`UPDATE "Tenant" SET "pbxNodeId" = NULL WHERE id = $1`, [tenant.id]);
    await root.admin.inventory.pbxNodes.delete({ id: created.id });
    expect(await count("PbxNode", "id = $1", [created.id])).toBe(0);
    expect((await auditFor(created.id)).map((a) => a.action)).toEqual(["pbx_node.create", "pbx_node.delete"]);
    expect((await trpcError(root.admin.inventory.pbxNodes.delete({ id: created.id }))).code).toBe("NOT_FOUND");
  });
});
