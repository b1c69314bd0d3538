import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// authOptions() reads the environment, so it is built per request rather than at import time
// (next build imports route modules without the runtime environment).
async function handler(req: Request, context: RouteContext) {
  return NextAuth(authOptions())(req, { params: await context.params });
}

export { handler as GET, handler as POST };
