import type { OpportunityOutput, OpportunitySort } from "@/lib/schemas/opportunity";
import type { Prisma } from "@/prisma/generated/client";
import { AppError } from "@/server/errors";

// Keyset pagination for every sort: the cursor carries the last row's sort value and id, and the
// next page starts strictly after that pair, so pages neither repeat nor skip rows while others
// add opportunities. The cursor is opaque to clients (base64url JSON).

type Key = { v: string | null; id: string };

type SortSpec = {
  orderBy: Prisma.OpportunityOrderByWithRelationInput[];
  keyOf: (item: OpportunityOutput) => string | null;
  after: (key: Key) => Prisma.OpportunityWhereInput;
};

function afterDesc(field: "createdAt" | "value", parse: (v: string) => Date | string) {
  return ({ v, id }: Key): Prisma.OpportunityWhereInput => ({
    OR: [{ [field]: { lt: parse(v!) } }, { [field]: parse(v!), id: { lt: id } }],
  });
}

function afterAsc(field: "value" | "stageEnteredAt", parse: (v: string) => Date | string) {
  return ({ v, id }: Key): Prisma.OpportunityWhereInput => ({
    OR: [{ [field]: { gt: parse(v!) } }, { [field]: parse(v!), id: { gt: id } }],
  });
}

const toDate = (v: string) => new Date(v);
const toDay = (v: string) => new Date(`${v}T00:00:00.000Z`);
const asIs = (v: string) => v;

export const SORTS: Record<OpportunitySort, SortSpec> = {
  created_desc: {
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    keyOf: (item) => item.createdAt.toISOString(),
    after: afterDesc("createdAt", toDate),
  },
  value_desc: { orderBy: [{ value: "desc" }, { id: "desc" }], keyOf: (item) => item.value, after: afterDesc("value", asIs) },
  value_asc: { orderBy: [{ value: "asc" }, { id: "asc" }], keyOf: (item) => item.value, after: afterAsc("value", asIs) },
  stage_age_desc: {
    orderBy: [{ stageEnteredAt: "asc" }, { id: "asc" }],
    keyOf: (item) => item.stageEnteredAt.toISOString(),
    after: afterAsc("stageEnteredAt", toDate),
  },
  // Undated opportunities come last; among them only the id orders.
  close_asc: {
    orderBy: [{ expectedCloseOn: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    keyOf: (item) => item.expectedCloseOn,
    after: ({ v, id }) =>
      v === null
        ? { expectedCloseOn: null, id: { gt: id } }
        : { OR: [{ expectedCloseOn: { gt: toDay(v) } }, { expectedCloseOn: toDay(v), id: { gt: id } }, { expectedCloseOn: null }] },
  },
};

export function encodeCursor(sort: OpportunitySort, item: OpportunityOutput): string {
  return Buffer.from(JSON.stringify({ v: SORTS[sort].keyOf(item), id: item.id })).toString("base64url");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VALUE = /^(\d+\.\d{2}|\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?)$/;

export function decodeCursor(cursor: string): Key {
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Key;
    if (typeof key.id === "string" && UUID.test(key.id) && (key.v === null || (typeof key.v === "string" && VALUE.test(key.v)))) return key;
  } catch {
    // falls through to the error below
  }
  throw new AppError("INVALID_INPUT", "pipelines.errors.invalid_cursor", { fieldErrors: { cursor: ["pipelines.errors.invalid_cursor"] } });
}
