import type { AuditEntry } from "@/server/services/audit/record-audit";

/** What a console service needs from its request besides the database handle. */
export type ConsoleDeps = {
  /** ctx.audit of adminProcedure: records in the same transaction as the change. */
  audit: (entry: AuditEntry) => Promise<void>;
  adminUserId: string;
  /** The console's origin (scheme, host, port), to build links on a tenant's host. */
  origin: string;
};
