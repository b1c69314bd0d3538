import { NextResponse } from "next/server";
import { parseHost } from "@/lib/host";
import { rootDomain } from "@/lib/env";
import { SESSION_COOKIE, SESSION_MAX_AGE_SECONDS, sessionCookieOptions, sessionTokenFor } from "@/server/auth/options";
import { SignInInput, type SignInResult } from "@/lib/schemas/auth";
import { LoginFailure, verifyLogin } from "@/server/services/auth/verify-login";

/** Signs in on the host the request was made to; the workspace is never taken from the body. */
export async function POST(request: Request) {
  // The cookie is SameSite=Lax, and a cross-site form must not be able to sign a browser in.
  const host = request.headers.get("host");
  const origin = request.headers.get("origin");
  if (!host || !origin || new URL(origin).host !== host) {
    return NextResponse.json({ ok: false, error: "forbidden" } satisfies SignInResult, { status: 403 });
  }
  const input = SignInInput.safeParse(await request.json().catch(() => null));
  if (!input.success) return NextResponse.json({ ok: false, error: "invalid_credentials" } satisfies SignInResult, { status: 400 });

  try {
    const login = await verifyLogin({ ...input.data, target: parseHost(host, rootDomain()) });
    const response = NextResponse.json({ ok: true } satisfies SignInResult);
    response.cookies.set(SESSION_COOKIE, await sessionTokenFor(login), { ...sessionCookieOptions(), maxAge: SESSION_MAX_AGE_SECONDS });
    return response;
  } catch (error) {
    if (!(error instanceof LoginFailure)) throw error;
    // 200 with a reason: the form shows it; a 4xx would also log a console error in the browser.
    return NextResponse.json({ ok: false, error: error.code, params: error.params } satisfies SignInResult);
  }
}
