import { headers } from "next/headers";
import { hostUrl } from "@/lib/host";
import { rootDomain } from "@/lib/env";

/** The URL of another host of this deployment (root sign-in page, a tenant, the console). */
export async function urlOnHost(label: string | null, path = "/"): Promise<string> {
  const h = await headers();
  const proto = h.get("x-forwarded-proto") ?? "http";
  return hostUrl(`${proto}://${h.get("host") ?? rootDomain()}`, rootDomain(), label, path);
}

export async function requestHost(): Promise<string> {
  return (await headers()).get("host") ?? "";
}
