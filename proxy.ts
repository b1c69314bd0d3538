import { NextResponse, type NextRequest } from "next/server";
import { parseHost } from "@/lib/host";
import { rootDomain } from "@/lib/env";

// Host → workspace. Tenants live under /t/<slug> and the console under /admin, but only as rewrite
// targets: typed directly on any host, those paths are 404 so one tenant's pages can't be reached
// from another tenant's host.
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const target = parseHost(request.headers.get("host"), rootDomain());
  const internal = pathname === "/t" || pathname.startsWith("/t/") || pathname === "/admin" || pathname.startsWith("/admin/");

  if (target.kind === "tenant") {
    return NextResponse.rewrite(new URL(`/t/${target.slug}${pathname}${search}`, request.url));
  }
  if (target.kind === "admin") {
    return NextResponse.rewrite(new URL(`/admin${pathname}${search}`, request.url));
  }
  if (target.kind === "unknown") {
    return NextResponse.rewrite(new URL(`/unknown-host${search}`, request.url));
  }
  if (internal) return NextResponse.rewrite(new URL("/not-found-page", request.url));
  return NextResponse.next();
}

export const config = {
  // Everything but API routes, Next's assets and files with an extension.
  matcher: ["/((?!api/|_next/|favicon.ico|.*\\.[a-z0-9]+$).*)"],
};
