import { NextResponse } from "next/server";
import { parseHost } from "@/lib/host";
import { rootDomain } from "@/lib/env";
import { InvitationAcceptInput, type InvitationAcceptResult } from "@/lib/schemas/settings";
import { SESSION_COOKIE, SESSION_MAX_AGE_SECONDS, sessionCookieOptions, sessionTokenFor } from "@/server/auth/options";
import { clientIp, localeFromHeaders } from "@/server/trpc/context";
import { findTenantBySlug } from "@/server/services/tenants/find-tenant";
import { acceptInvitation, InvitationAcceptFailure } from "@/server/services/invitations/accept-invitation";

const answer = (result: InvitationAcceptResult, status = 200) => NextResponse.json(result, { status });

/**
 * Accepts an invitation on the tenant host it was made for and signs the invitee in there. The
 * workspace comes from the Host, never from the body; the session cookie is host-only like
 * POST /api/session's. Failures answer 200 with a reason so the form shows it without a console error.
 */
export async function POST(request: Request) {
  // A cross-site form must not be able to create accounts or sign a browser in.
  const host = request.headers.get("host");
  const origin = request.headers.get("origin");
  if (!host || !origin || new URL(origin).host !== host) return answer({ ok: false, error: "forbidden" }, 403);
  const target = parseHost(host, rootDomain());
  const tenant = target.kind === "tenant" ? await findTenantBySlug(target.slug) : null;
  if (!tenant || tenant.status !== "active") return answer({ ok: false, error: "workspace_unavailable" });

  const input = InvitationAcceptInput.safeParse(await request.json().catch(() => null));
  if (!input.success) return answer({ ok: false, error: "invalid_input" }, 400);

  try {
    const login = await acceptInvitation(tenant, input.data, { ip: clientIp(request.headers), locale: localeFromHeaders(request.headers) });
    const response = answer({ ok: true, redirectTo: "/leads" });
    response.cookies.set(SESSION_COOKIE, await sessionTokenFor(login), { ...sessionCookieOptions(), maxAge: SESSION_MAX_AGE_SECONDS });
    return response;
  } catch (error) {
    if (!(error instanceof InvitationAcceptFailure)) throw error;
    return answer({ ok: false, error: error.code, params: error.params, fieldErrors: error.fieldErrors });
  }
}
