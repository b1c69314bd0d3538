import { hostUrl } from "@/lib/host";
import { rootDomain } from "@/lib/env";

/** The link an invited person opens on the tenant's host; only the token's hash is stored. */
export function invitationUrl(origin: string, slug: string, token: string): string {
  return hostUrl(origin, rootDomain(), slug, `/invite/${token}`);
}
