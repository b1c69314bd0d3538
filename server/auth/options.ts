import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { parseHost } from "@/lib/host";
import { rootDomain, serverEnv } from "@/lib/env";
import { LoginFailure, verifyLogin } from "@/server/services/auth/verify-login";

const SESSION_HOURS = 12;

export function authOptions(): NextAuthOptions {
  return {
    secret: serverEnv().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
    pages: { signIn: "/login", error: "/login" },
    // Host-only cookies (no Domain attribute): a session made on acme.<root> is never sent to
    // globex.<root> or admin.<root>. next-auth's defaults already omit Domain; stated here on purpose.
    cookies: {
      sessionToken: {
        name: "linha.session",
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1" },
      },
    },
    providers: [
      CredentialsProvider({
        name: "Linha",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          // Only the Host the browser connected to decides the workspace; a forwarded header could be forged.
          const host = req?.headers?.host as string | undefined;
          try {
            const result = await verifyLogin({
              email: String(credentials?.email ?? ""),
              password: String(credentials?.password ?? ""),
              target: parseHost(host, rootDomain()),
            });
            return { id: result.userId, email: result.email, name: result.name, scope: result.scope, locale: result.locale };
          } catch (error) {
            if (error instanceof LoginFailure) throw new Error(error.message);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.scope = user.scope;
          token.locale = user.locale;
        }
        return token;
      },
      async session({ session, token }) {
        session.user = {
          id: token.uid,
          email: token.email ?? "",
          name: token.name ?? "",
          scope: token.scope,
          locale: token.locale,
        };
        return session;
      },
    },
  };
}
