import type { NextAuthOptions } from "next-auth";
import { encode } from "next-auth/jwt";
import { serverEnv } from "@/lib/env";
import type { LoginSuccess } from "@/server/services/auth/verify-login";

export const SESSION_COOKIE = "linha.session";
export const SESSION_MAX_AGE_SECONDS = 12 * 3600;

/**
 * Host-only (no Domain attribute): a session made on acme.<root> is never sent to globex.<root>
 * or admin.<root>. Secure everywhere but plain-http local hosts.
 */
export function sessionCookieOptions() {
  const local = /(^|\.)localhost$/.test(serverEnv().ROOT_DOMAIN);
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: !local };
}

/**
 * next-auth keeps the session (JWT cookie, getServerSession, sign-out). Sign-in itself is
 * POST /api/session, which answers failures with a JSON reason instead of next-auth's 401, so a
 * mistyped password shows a message without an error in the browser console.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: serverEnv().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    cookies: { sessionToken: { name: SESSION_COOKIE, options: sessionCookieOptions() } },
    providers: [],
    callbacks: {
      async session({ session, token }) {
        session.user = { id: token.uid, email: token.email ?? "", name: token.name ?? "", scope: token.scope, locale: token.locale };
        return session;
      },
    },
  };
}

/** The session cookie's value; `maxAgeSeconds` shortens it (support sessions last one hour). */
export async function sessionTokenFor(login: LoginSuccess, maxAgeSeconds = SESSION_MAX_AGE_SECONDS): Promise<string> {
  return encode({
    secret: serverEnv().NEXTAUTH_SECRET,
    maxAge: maxAgeSeconds,
    token: { sub: login.userId, uid: login.userId, email: login.email, name: login.name, scope: login.scope, locale: login.locale },
  });
}
