import { describe, expect, it } from "vitest";
import { hostUrl, parseHost } from "./host";

describe("parseHost", () => {
  const cases: [string | null, ReturnType<typeof parseHost>][] = [
    ["localhost:3000", { kind: "root" }],
    ["127.0.0.1:3000", { kind: "root" }],
    ["www.localhost", { kind: "root" }],
    [null, { kind: "root" }],
    ["acme.localhost:3000", { kind: "tenant", slug: "acme" }],
    ["ACME.localhost", { kind: "tenant", slug: "acme" }],
    ["globex-2.localhost.", { kind: "tenant", slug: "globex-2" }],
    ["admin.localhost:3000", { kind: "admin" }],
    ["a.b.localhost", { kind: "unknown", host: "a.b.localhost" }],
    ["-bad.localhost", { kind: "unknown", host: "-bad.localhost" }],
    ["api.localhost", { kind: "unknown", host: "api.localhost" }],
    ["evil.com", { kind: "unknown", host: "evil.com" }],
    ["acme.localhost.evil.com", { kind: "unknown", host: "acme.localhost.evil.com" }],
  ];
  it.each(cases)("%s", (host, expected) => {
    expect(parseHost(host, "localhost")).toEqual(expected);
  });

  it("works with a real root domain", () => {
    expect(parseHost("acme.linha.com.br", "linha.com.br")).toEqual({ kind: "tenant", slug: "acme" });
    expect(parseHost("linha.com.br", "linha.com.br")).toEqual({ kind: "root" });
  });
});

describe("hostUrl", () => {
  it("keeps scheme and port", () => {
    expect(hostUrl("http://localhost:3000/x?y=1", "localhost", "acme", "/login")).toBe("http://acme.localhost:3000/login");
    expect(hostUrl("https://admin.linha.com.br", "linha.com.br", null)).toBe("https://linha.com.br/");
  });
});
