import type { Session } from "next-auth";
import type { HostTarget } from "@/lib/host";
import { AppError } from "@/server/errors";
import { resolveTenantActor } from "@/server/trpc/subscription-procedure";
import type { TenantContext } from "@/server/trpc/tenant-procedure";

/** Who acts in a calls service: the tenant from the Host, the actor and what they may see of the CRM. */
export type CallActorContext = Pick<TenantContext, "tenant" | "actor" | "crm">;

/** What a server action knows about its request (no tRPC context). */
export type ActionRequest = { target: HostTarget; session: Session | null; ip: string | null };

/**
 * The tenant and member behind a server action, resolved as tenantProcedure does for a session.
 * Only members act: support sessions are read-only, so they may not place calls.
 */
export async function actorFromRequest(request: ActionRequest): Promise<CallActorContext> {
  const resolved = await resolveTenantActor({ target: request.target, session: request.session, apiKey: null });
  if (resolved.actor.kind !== "member") throw new AppError("FORBIDDEN", "errors.support_read_only");
  return resolved;
}
