// The SQL of a rating run. COPY takes no bind parameters, so the few values it needs are written
// in as literals — each one checked against a strict shape first (uuid, digits, an ISO instant),
// never escaped free text.

/** Calls are rated this long after they end: a late Cdr event can still correct billsec. */
export const SETTLE_SECONDS = 15;

export type CandidateScope =
  { kind: "rate"; tenantIds: readonly string[] | null } | { kind: "rerate"; start: Date; end: Date; tenantIds: readonly string[] | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidLiteral(value: string): string {
  if (!UUID.test(value)) throw new Error(`not a uuid: ${JSON.stringify(value)}`);
  return `'${value}'::uuid`;
}

function digitsLiteral(value: string): string {
  if (!/^\d{1,20}$/.test(value)) throw new Error(`not a number's digits: ${JSON.stringify(value)}`);
  return `'${value}'`;
}

function instantLiteral(value: Date): string {
  if (Number.isNaN(value.getTime())) throw new Error("invalid date");
  return `'${value.toISOString()}'::timestamptz`;
}

/** The São Paulo month (an Invoice.period) a timestamptz column falls in. */
const monthOf = (column: string) => `(date_trunc('month', ${column} AT TIME ZONE 'America/Sao_Paulo'))::date`;

/** A call (alias c) whose tenant has an issued or paid invoice for the call's month: left alone. */
export const IN_CLOSED_MONTH = `EXISTS (SELECT 1 FROM "Invoice" i WHERE i."tenantId" = c."tenantId" AND i.status IN ('issued', 'paid') AND i.period = ${monthOf('c."startedAt"')})`;

/**
 * Which calls a run rates (alias c): ended and settled; outbound, or inbound to a priced DID its
 * tenant holds or held (`inboundPairs`); internal calls and other inbound calls never. A "rate"
 * run takes those without a charge yet, a "rerate" run those started in its period.
 */
export function candidateWhere(scope: CandidateScope, inboundPairs: ReadonlyArray<{ digits: string; tenantId: string }>): string {
  const parts = [`c.state = 'ended'`, `COALESCE(c."endedAt", c."updatedAt") <= now() - interval '${SETTLE_SECONDS} seconds'`];
  if (inboundPairs.length > 0) {
    const values = inboundPairs.map((pair) => `(${digitsLiteral(pair.digits)}, ${uuidLiteral(pair.tenantId)})`).join(", ");
    parts.push(
      `(c.direction = 'outbound' OR (c.direction = 'inbound' AND (regexp_replace(c."toNumber", '[^0-9]', '', 'g'), c."tenantId") IN (VALUES ${values})))`,
    );
  } else {
    parts.push(`c.direction = 'outbound'`);
  }
  if (scope.tenantIds) parts.push(tenantFilter('c."tenantId"', scope.tenantIds));
  if (scope.kind === "rate") {
    parts.push(`NOT EXISTS (SELECT 1 FROM "CallCharge" cc WHERE cc."tenantId" = c."tenantId" AND cc."callId" = c.id)`);
  } else {
    parts.push(`c."startedAt" >= ${instantLiteral(scope.start)} AND c."startedAt" < ${instantLiteral(scope.end)}`);
  }
  return parts.join("\n  AND ");
}

function tenantFilter(column: string, tenantIds: readonly string[]): string {
  return tenantIds.length === 0 ? "false" : `${column} IN (${tenantIds.map(uuidLiteral).join(", ")})`;
}

/** The columns the run reads per call, in COPY text: id, tenant, direction, dialled, start (text and epoch ms), billsec, gateway. */
export function candidateSelect(where: string, excludeClosed: boolean): string {
  return `SELECT c.id, c."tenantId", c.direction, c."toNumber", c."startedAt", (extract(epoch FROM c."startedAt") * 1000)::bigint,
  GREATEST(COALESCE(c.billsec, 0), 0), c."gatewayName"
FROM "Call" c
WHERE ${where}${excludeClosed ? `\n  AND NOT ${IN_CLOSED_MONTH}` : ""}`;
}

/** How many calls the run covers, and how many of them it leaves alone (closed months, rerate only). */
export function candidateCount(where: string, countClosed: boolean): string {
  return `SELECT count(*)::int AS total, ${countClosed ? `(count(*) FILTER (WHERE ${IN_CLOSED_MONTH}))::int` : "0"} AS skipped
FROM "Call" c
WHERE ${where}`;
}

/** A rerate replaces the period's charges, except those of months already invoiced (issued or paid). */
export function deletePeriodCharges(start: Date, end: Date, tenantIds: readonly string[] | null): string {
  return `DELETE FROM "CallCharge" cc
WHERE cc."callStartedAt" >= ${instantLiteral(start)} AND cc."callStartedAt" < ${instantLiteral(end)}${
    tenantIds ? `\n  AND ${tenantFilter('cc."tenantId"', tenantIds)}` : ""
  }
  AND NOT EXISTS (SELECT 1 FROM "Invoice" i WHERE i."tenantId" = cc."tenantId" AND i.status IN ('issued', 'paid') AND i.period = ${monthOf('cc."callStartedAt"')})`;
}

/**
 * Holds the period's live invoices still while the rerate runs: an invoice cannot be issued
 * half-way through (it would bill charges this transaction is replacing).
 */
export function lockPeriodInvoices(start: Date, end: Date, tenantIds: readonly string[] | null): string {
  return `SELECT i.id FROM "Invoice" i
WHERE i.status <> 'void' AND i.period >= ${monthOf(instantLiteral(start))} AND i.period <= (${instantLiteral(end)} AT TIME ZONE 'America/Sao_Paulo')::date${
    tenantIds ? `\n  AND ${tenantFilter('i."tenantId"', tenantIds)}` : ""
  }
FOR SHARE`;
}

export const CHARGE_COLUMNS = [
  "id",
  "tenantId",
  "callId",
  "callStartedAt",
  "direction",
  "number",
  "status",
  "unratableReason",
  "destination",
  "answeredSec",
  "billedSecSell",
  "billedSecBuy",
  "priceMicros",
  "costMicros",
  "marginMicros",
  "sellRateId",
  "buyRateId",
  "gatewayName",
  "providerId",
] as const;

const COLUMN_LIST = CHARGE_COLUMNS.map((c) => `"${c}"`).join(", ");

/**
 * PostgreSQL refuses COPY FROM into a table with row-level security ("COPY FROM not supported with
 * row-level security") for any role the policies apply to. So a run COPYs each batch into a
 * temporary table of the same shape (session-private, not WAL-logged) and moves the rows with one
 * INSERT … SELECT, which the policies, constraints and foreign keys check like any insert.
 * A re-rating's stage lives as long as its one transaction; a "rate" run's writers commit batch by
 * batch, so theirs empties at each commit.
 */
export const STAGE_CHARGES_IN_TRANSACTION = `CREATE TEMP TABLE rating_charges (LIKE "CallCharge" INCLUDING DEFAULTS) ON COMMIT DROP`;
export const STAGE_CHARGES_PER_BATCH = `CREATE TEMP TABLE rating_charges (LIKE "CallCharge" INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`;

export const COPY_CHARGES_IN = `COPY rating_charges (${COLUMN_LIST}) FROM STDIN`;

export const CLEAR_STAGE = `TRUNCATE rating_charges`;

/** The run's id is the same on every charge: written here once rather than on each COPY line. */
export function insertStagedCharges(runId: string): string {
  return `INSERT INTO "CallCharge" (${COLUMN_LIST}, "ratingRunId", "ratedAt") SELECT ${COLUMN_LIST}, ${uuidLiteral(runId)}, "ratedAt" FROM rating_charges`;
}
