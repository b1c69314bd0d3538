import { AuditListInput, AuditPage } from "@/lib/schemas/tenant";
import { router } from "@/server/trpc/init";
import { adminProcedure } from "@/server/trpc/admin-procedure";
import { listConsoleAudit } from "./list-audit";

export const adminAuditRouter = router({
  list: adminProcedure
    .input(AuditListInput)
    .output(AuditPage)
    .query(({ ctx, input }) => listConsoleAudit(ctx.db, input)),
});
