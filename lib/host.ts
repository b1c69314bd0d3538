// Maps a request's Host header to what it addresses. Shared by proxy.ts, the tRPC context and
// next-auth, so that exactly one piece of code decides which tenant a request belongs to.

export type HostTarget = { kind: "root" } | { kind: "admin" } | { kind: "tenant"; slug: string } | { kind: "unknown"; host: string };

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;
// "gw" and "linha" are taken by the PBX: gateway sections are `gw_<name>`, shared contexts `linha_…`.
export const RESERVED_SLUGS = new Set(["admin", "www", "api", "app", "mail", "static", "assets", "gw", "linha"]);

export function isValidSlug(slug: string): boolean {
  return SLUG_PATTERN.test(slug) && !RESERVED_SLUGS.has(slug);
}

function stripPort(host: string): string {
  if (host.startsWith("[")) return host.slice(0, host.indexOf("]") + 1);
  const colon = host.lastIndexOf(":");
  return colon === -1 ? host : host.slice(0, colon);
}

export function parseHost(rawHost: string | null | undefined, rootDomain: string): HostTarget {
  const host = stripPort((rawHost ?? "").trim().toLowerCase()).replace(/\.$/, "");
  const root = rootDomain.toLowerCase();
  if (host === root || host === "127.0.0.1" || host === "[::1]" || host === "") return { kind: "root" };
  if (!host.endsWith(`.${root}`)) return { kind: "unknown", host };
  const label = host.slice(0, -(root.length + 1));
  if (label === "admin") return { kind: "admin" };
  if (label === "www") return { kind: "root" };
  if (isValidSlug(label)) return { kind: "tenant", slug: label };
  return { kind: "unknown", host };
}

/** The URL of a tenant's (or the console's) host, keeping the scheme and port of the current one. */
export function hostUrl(currentOrigin: string, rootDomain: string, label: string | null, path = "/"): string {
  const url = new URL(currentOrigin);
  url.hostname = label ? `${label}.${rootDomain}` : rootDomain;
  url.pathname = path;
  url.search = "";
  return url.toString();
}
