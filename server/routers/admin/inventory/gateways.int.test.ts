import { beforeAll, describe, expect, it } from "vitest";
import { openSecret } from "@/server/crypto/secret-box";
import { ownerQuery } from "@/server/testing/owner-db";
import { auditFor, blamedFields, count, insertFreeDids, rootCaller, trpcError, unique, type Caller } from "./inventory-test-kit";

async function storedSecret(id: string): Promise<{ username: string | null; secretEnc: string | null }> {
  const [row] = await ownerQuery<{ username: string | null; secretEnc: string | null }>(
    `SELECT username, "secretEnc" FROM "Gateway" WHERE id = $1`,
    [id],
  );
  return row!;
}

describe("admin.inventory.gateways", () => {
  let root: Caller;
  let providerId: string;
  beforeAll(async () => {
    root = await rootCaller();
    providerId = (await root.admin.inventory.providers.create({ name: unique("Gw provider") })).id;
  });

  it("creates a credentials gateway with a sealed password that no read returns", async () => {
    const name = unique("vivo-sp");
    const gateway = await root.admin.inventory.gateways.create({
      providerId,
      name,
      host: "SIP.Vivo.example",
      port: 5080,
      transport: "tls",
      codecs: ["g729", "alaw", "ulaw"],
      techPrefix: "0#21",
      authMode: "credentials",
      username: "linha@vivo",
      password: "s3cr3t-Pass!",
    });
    expect(gateway).toMatchObject({
      name,
      host: "sip.vivo.example",
      port: 5080,
      transport: "tls",
      codecs: ["g729", "alaw", "ulaw"],
      techPrefix: "0#21",
      authMode: "credentials",
      username: "linha@vivo",
      hasSecret: true,
      provider: { id: providerId },
    });
    const stored = await storedSecret(gateway.id);
    expect(stored.secretEnc).not.toContain("s3cr3t");
    expect(openSecret(stored.secretEnc!, process.env.APP_SECRET!)).toBe("s3cr3t-Pass!");

    const reads = JSON.stringify([
      gateway,
      await root.admin.inventory.gateways.get({ id: gateway.id }),
      await root.admin.inventory.gateways.list(),
      await root.admin.inventory.gateways.list({ providerId }),
      await auditFor(gateway.id),
    ]);
    expect(reads).not.toContain("s3cr3t");
    expect(reads).not.toContain(stored.secretEnc!);
    expect(reads).not.toContain("secretEnc");
    expect(reads).not.toContain('"password"');
  });

  it("keeps the stored password when an edit leaves it blank, replaces it when typed, forgets it for IP matching", async () => {
    const base = {
      providerId,
      name: unique("gw-edit"),
      host: "10.0.0.1",
      codecs: ["alaw" as const],
      authMode: "credentials" as const,
      username: "u1",
    };
    const gateway = await root.admin.inventory.gateways.create({ ...base, password: "first-pass" });
    const sealed = (await storedSecret(gateway.id)).secretEnc;

    await root.admin.inventory.gateways.update({ id: gateway.id, data: { ...base, host: "10.0.0.2", password: "" } });
    expect((await storedSecret(gateway.id)).secretEnc).toBe(sealed);

    await root.admin.inventory.gateways.update({ id: gateway.id, data: { ...base, password: "second-pass" } });
    expect(openSecret((await storedSecret(gateway.id)).secretEnc!, process.env.APP_SECRET!)).toBe("second-pass");

    const ipMatch = await root.admin.inventory.gateways.update({ id: gateway.id, data: { ...base, authMode: "ip_match" } });
    expect(ipMatch).toMatchObject({ authMode: "ip_match", username: null, hasSecret: false });
    expect(await storedSecret(gateway.id)).toEqual({ username: null, secretEnc: null });

    // Back to credentials with no stored password: one must be typed.
    const error = await trpcError(root.admin.inventory.gateways.update({ id: gateway.id, data: { ...base, password: "" } }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toMatchObject({ details: { fieldErrors: { password: ["inventory.errors.secret_required"] } } });

    const audit = await auditFor(gateway.id);
    expect(audit.map((a) => a.action)).toEqual(["gateway.create", "gateway.update", "gateway.update", "gateway.update"]);
    expect(audit.map((a) => (a.after as { credentialsReplaced?: boolean }).credentialsReplaced)).toEqual([undefined, false, true, false]);
    expect(JSON.stringify(audit)).not.toMatch(/first-pass|second-pass/);
  });

  it.each([
    ["a host with a line break and a section", { host: "sip.example.com\n[evil]" }, "host"],
    ["a host with a semicolon", { host: "sip.example.com;transport=tcp" }, "host"],
    ["a host with a comma", { host: "a.example,b.example" }, "host"],
    ["a bracketed IPv6 host", { host: "[2001:db8::1]" }, "host"],
    ["a name with a bracket", { name: "gw]\n[evil" }, "name"],
    ["a name with a space", { name: "gw one" }, "name"],
    ["a name with a parenthesis", { name: "gw)" }, "name"],
    ["a tech prefix with a letter", { techPrefix: "12a" }, "techPrefix"],
    ["a tech prefix with a semicolon", { techPrefix: "12;" }, "techPrefix"],
    ["a codec outside the list", { codecs: ["alaw", "speex"] }, "codecs"],
    ["a codec list smuggled in one name", { codecs: ["alaw,ulaw"] }, "codecs"],
    ["a repeated codec", { codecs: ["alaw", "alaw"] }, "codecs"],
    ["no codec", { codecs: [] }, "codecs"],
    ["port 0", { port: 0 }, "port"],
    ["port 65536", { port: 65536 }, "port"],
    ["an unknown transport", { transport: "sctp" }, "transport"],
    ["credentials without a password", { authMode: "credentials", username: "u" }, "password"],
    ["credentials without a user", { authMode: "credentials", password: "pass1234" }, "username"],
    ["a user name with a newline", { authMode: "credentials", username: "u\nx", password: "pass1234" }, "username"],
    ["a password with a semicolon", { authMode: "credentials", username: "u", password: "pa;ss1234" }, "password"],
    ["a password with a line break", { authMode: "credentials", username: "u", password: "pass\n[evil]" }, "password"],
  ])("refuses %s and writes nothing", async (_label, patch, field) => {
    // This file's provider is its own, and its tests run one after the other.
    const before = await count("Gateway", `"providerId" = $1`, [providerId]);
    const input = { providerId, name: unique("gw"), host: "sip.example.com", codecs: ["alaw"], ...patch };
    const error = await trpcError(root.admin.inventory.gateways.create(input as never));
    expect(error.code).toBe("BAD_REQUEST");
    expect(blamedFields(error)).toEqual([field]);
    expect(await count("Gateway", `"providerId" = $1`, [providerId])).toBe(before);
  });

  it("refuses a taken name (it is a PJSIP section) and an unknown provider", async () => {
    const name = unique("gw-taken");
    await root.admin.inventory.gateways.create({ providerId, name, host: "h1.example", codecs: ["alaw"] });
    const taken = await trpcError(root.admin.inventory.gateways.create({ providerId, name, host: "h2.example", codecs: ["alaw"] }));
    expect(taken.code).toBe("CONFLICT");
    expect(taken.cause).toMatchObject({ details: { fieldErrors: { name: ["inventory.errors.gateway_name_taken"] } } });
    const noProvider = await trpcError(
      root.admin.inventory.gateways.create({
        providerId: "0195f0a0-0000-7000-8000-00000000dead",
        name: unique("gw"),
        host: "h",
        codecs: ["alaw"],
      }),
    );
    expect(noProvider.code).toBe("NOT_FOUND");
    expect(await count("Gateway", "name = $1", [name])).toBe(1);
  });

  it("a gateway that carries numbers cannot move to another provider; deleting it leaves the numbers without one", async () => {
    const gateway = await root.admin.inventory.gateways.create({
      providerId,
      name: unique("gw-dids"),
      host: "h.example",
      codecs: ["ulaw"],
    });
    const [did] = await insertFreeDids(providerId, 1, gateway.id);
    expect((await root.admin.inventory.gateways.get({ id: gateway.id })).didCount).toBe(1);

    const other = await root.admin.inventory.providers.create({ name: unique("Other") });
    const data = { providerId: other.id, name: gateway.name, host: gateway.host, codecs: ["ulaw" as const] };
    const error = await trpcError(root.admin.inventory.gateways.update({ id: gateway.id, data }));
    expect(error.code).toBe("CONFLICT");
    expect((await root.admin.inventory.gateways.get({ id: gateway.id })).provider.id).toBe(providerId);

    await root.admin.inventory.gateways.delete({ id: gateway.id });
    const [row] = await ownerQuery(`SELECT "gatewayId" FROM "Did" WHERE id = $1`, [did!.id]);
    expect(row).toEqual({ gatewayId: null });
    expect((await auditFor(gateway.id)).map((a) => a.action)).toEqual(["gateway.create", "gateway.delete"]);
    expect((await trpcError(root.admin.inventory.gateways.delete({ id: gateway.id }))).code).toBe("NOT_FOUND");
  });
});
