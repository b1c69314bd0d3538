import "next-auth";
import "next-auth/jwt";

type Scope = "admin" | `tenant:${string}`;

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
