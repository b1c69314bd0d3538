import { rootDomain } from "@/lib/env";
import { hostUrl } from "@/lib/host";

/** The acceptance page on the tenant's own host, with the scheme and port the browser used. */
export function invitationLink(origin: string, slug: string, token: string): string {
  return hostUrl(origin, rootDomain(), slug, `/invite/${token}`);
}
