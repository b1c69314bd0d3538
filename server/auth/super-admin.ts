import { redirect } from "next/navigation";
import { cache } from "react";
import { platformDb } from "@/server/db";
import { currentSession } from "./session";

/** The signed-in super admin (session issued on the console host, flag still set), or null. */
export const superAdmin = cache(async () => {
  const session = await currentSession();
  if (session?.user.scope !== "admin") return null;
  const user = await platformDb().user.findUnique({
    where: { id: session.user.id },
    select: { name: true, email: true, isSuperAdmin: true },
  });
  return user?.isSuperAdmin ? user : null;
});

/** For the console's server components: the super admin, or a redirect to its sign-in page. */
export async function requireSuperAdmin() {
  const user = await superAdmin();
  if (!user) redirect("/login");
  return user;
}
