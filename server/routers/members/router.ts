import { z } from "zod";
import { router } from "@/server/trpc/init";
import { tenantProcedure } from "@/server/trpc/tenant-procedure";

const MemberOutput = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(["owner", "admin", "manager", "rep"]),
});

export const membersRouter = router({
  list: tenantProcedure.output(z.array(MemberOutput)).query(async ({ ctx }) => {
    const rows = await ctx.db.membership.findMany({
      select: { id: true, role: true, user: { select: { name: true, email: true } } },
      orderBy: { user: { name: "asc" } },
    });
    return rows.map((m) => ({ id: m.id, role: m.role, name: m.user.name, email: m.user.email }));
  }),
});
