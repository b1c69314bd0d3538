import type { AuditEntry } from "@/server/services/audit/record-audit";

/** ctx.audit of adminProcedure: records an entry in the request's transaction. */
export type RecordAuditFn = (entry: AuditEntry) => Promise<void>;
