import { WorkspaceFinder } from "@/components/auth/workspace-finder";
import { rootDomain } from "@/lib/env";
import { urlOnHost } from "@/server/root-url";

export default async function RootPage() {
  return <WorkspaceFinder rootDomain={rootDomain()} adminLoginUrl={await urlOnHost("admin", "/login")} />;
}
