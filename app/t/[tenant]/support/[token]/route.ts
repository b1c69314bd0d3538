import { NextResponse } from "next/server";
import { parseHost } from "@/lib/host";
import { rootDomain } from "@/lib/env";
import { SESSION_COOKIE, sessionCookieOptions, sessionTokenFor } from "@/server/auth/options";
import { clientIp } from "@/server/trpc/context";
import { consumeSupportGrant, SupportGrantRefused } from "@/server/services/support/consume-support-grant";
import { SUPPORT_SESSION_SECONDS } from "@/server/services/support/support-limits";
import { logger } from "@/server/logger";

// The token is a one-time credential in the URL: keep it out of caches and Referer headers.
const HEADERS = { "cache-control": "no-store", "referrer-policy": "no-referrer" };

function redirect(location: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { ...HEADERS, location } });
}

/**
 * Opens a read-only support session on this tenant's host from a console support link: the
 * console cannot set a cookie for this host itself (cookies are host-only), so it hands over a
 * one-time grant instead. The session cookie is made like POST /api/session makes it, scoped
 * `support:<slug>` and limited to one hour.
 */
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string; token: string }> }) {
  const { tenant: slug, token } = await params;
  const target = parseHost(request.headers.get("host"), rootDomain());
  if (target.kind !== "tenant" || target.slug !== slug) return redirect("/support/invalid");
  try {
    const login = await consumeSupportGrant({ token, slug, ip: clientIp(request.headers) });
    const response = redirect("/leads");
    response.cookies.set(SESSION_COOKIE, await sessionTokenFor(login, SUPPORT_SESSION_SECONDS), {
      ...sessionCookieOptions(),
      maxAge: SUPPORT_SESSION_SECONDS,
    });
    return response;
  } catch (error) {
    if (!(error instanceof SupportGrantRefused)) throw error;
    logger.child({ host: slug }).warn({ reason: error.reason }, "support link refused");
    return redirect("/support/invalid");
  }
}
