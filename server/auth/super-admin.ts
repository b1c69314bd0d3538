import { redirect } from "next/navigation";
import { cache } from "react";
import { platformDb } from "@/server/db";
import { currentSession } from "./session";

/** For the console's server components: a signed-in super admin, or a redirect to its sign-in page. */
export const requireSuperAdmin = cache(async () => {
  const session = await currentSession();
  if (session?.user.scope !== "admin") redirect("/login");
  const user = await platformDb().user.findUnique({ where: { id: session.user.id }, select: { name: true, email: true, isSuperAdmin: true } });
  if (!user?.isSuperAdmin) redirect("/login");
  return user;
});
