import type { Session } from "next-auth";
import { parseHost } from "@/lib/host";
import { createCaller } from "@/server/trpc/root";
import { ownerQuery } from "./owner-db";

/**
 * The router exactly as the HTTP handler runs it, for a signed-in user on a given host. Only the
 * session cookie's decoding is skipped: the session is built from the real user row.
 */
export async function callerFor(email: string, host: string, scopeOverride?: Session["user"]["scope"]) {
  const [user] = await ownerQuery<{ id: string; name: string; locale: string }>(`SELECT id, name, locale FROM "User" WHERE email = $1`, [
    email,
  ]);
  if (!user) throw new Error(`no user ${email}`);
  const target = parseHost(host, "localhost");
  const scope = scopeOverride ?? (target.kind === "tenant" ? (`tenant:${target.slug}` as const) : "admin");
  if (scope.startsWith("support:")) {
    // A support session is valid only while its grant is fresh: record one, used just now.
    await ownerQuery(
      `INSERT INTO "SupportGrant" (id, "tokenHash", "adminUserId", "tenantSlug", "expiresAt", "usedAt")
       VALUES (gen_random_uuid(), encode(sha256(gen_random_uuid()::text::bytea), 'hex'), $1, $2, now(), now())`,
      [user.id, scope.slice("support:".length)],
    );
  }
  const session: Session = {
    user: { id: user.id, email, name: user.name, scope, locale: user.locale },
    expires: new Date(Date.now() + 3600_000).toISOString(),
  };
  return createCaller({ target, session, locale: "en", ip: "127.0.0.1", apiKey: null, origin: "http://localhost:3000" });
}

export function anonymousCaller(host: string) {
  return createCaller({
    target: parseHost(host, "localhost"),
    session: null,
    locale: "en",
    ip: "127.0.0.1",
    apiKey: null,
    origin: "http://localhost:3000",
  });
}
