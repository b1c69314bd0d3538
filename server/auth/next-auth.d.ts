import "next-auth";
import "next-auth/jwt";

/** Where a session is valid: the console, one tenant as a member, or one tenant read-only as support. */
type Scope = "admin" | `tenant:${string}` | `support:${string}`;

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; scope: Scope; locale: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    scope: Scope;
    locale: string;
  }
}
