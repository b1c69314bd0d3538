import { Prisma } from "@/prisma/generated/client";
import type { CallHistoryFilter, CallStats } from "@/lib/schemas/calls";
import type { TenantDb } from "@/server/db";
import type { CallViewer } from "./call-access";
import { historyScope, historySql } from "./history-filter";
import { addDays, dayKey, HISTORY_TIME_ZONE } from "./history-days";

/** The day series never runs past a year; the totals still count the whole range. */
const MAX_DAYS = 366;

type Bucket = { kind: "hour" | "day" | "user"; key: string | null; name: string | null; total: number; answered: number; talk: number };

/**
 * Statistics of the ended calls matching the filter (a live call has no disposition yet), in one
 * query: the CTE is grouped three ways (hour of day and day in São Paulo time, and user); the totals
 * are the sum of the hour buckets. Talk time is billsec of answered calls.
 */
export async function callStats(db: TenantDb, viewer: CallViewer, filter: CallHistoryFilter, now = new Date()): Promise<CallStats> {
  const scope = await historyScope(db, viewer, filter);
  const buckets = await db.$queryRaw<Bucket[]>`
    WITH c AS (
      SELECT "startedAt" AT TIME ZONE ${HISTORY_TIME_ZONE} AS local, disposition = 'answered' AS ok,
             coalesce(billsec, 0) AS talk, "userId", "userName"
      FROM "Call" WHERE state = 'ended' AND ${historySql(scope)}
    )
    SELECT 'hour' AS kind, extract(hour FROM local)::int::text AS key, NULL::text AS name,
           count(*)::int AS total, count(*) FILTER (WHERE ok)::int AS answered, coalesce(sum(talk) FILTER (WHERE ok), 0)::float8 AS talk
      FROM c GROUP BY 2
    UNION ALL
    SELECT 'day', to_char(local, 'YYYY-MM-DD'), NULL, count(*)::int, count(*) FILTER (WHERE ok)::int, coalesce(sum(talk) FILTER (WHERE ok), 0)::float8
      FROM c GROUP BY 2
    UNION ALL
    SELECT 'user', "userId"::text, max("userName"), count(*)::int, count(*) FILTER (WHERE ok)::int, coalesce(sum(talk) FILTER (WHERE ok), 0)::float8
      FROM c GROUP BY "userId"`;

  const hours = buckets.filter((b) => b.kind === "hour");
  const total = hours.reduce((sum, b) => sum + b.total, 0);
  const answered = hours.reduce((sum, b) => sum + b.answered, 0);
  const totalTalkSec = Math.round(hours.reduce((sum, b) => sum + b.talk, 0));
  const byHourMap = new Map(hours.map((b) => [Number(b.key), b]));
  const days = new Map(buckets.filter((b) => b.kind === "day").map((b) => [b.key!, b]));

  return {
    total,
    answered,
    answeredRate: total > 0 ? answered / total : null,
    avgTalkSec: answered > 0 ? Math.round(totalTalkSec / answered) : null,
    totalTalkSec,
    byHour: Array.from({ length: 24 }, (_, hour) => ({
      hour,
      total: byHourMap.get(hour)?.total ?? 0,
      answered: byHourMap.get(hour)?.answered ?? 0,
    })),
    byDay: daySeries(filter, [...days.keys()], now).map((date) => ({
      date,
      total: days.get(date)?.total ?? 0,
      answered: days.get(date)?.answered ?? 0,
    })),
    byUser: buckets
      .filter((b) => b.kind === "user")
      .map((b) => ({ userId: b.key, userName: b.name, total: b.total, answered: b.answered, talkSec: Math.round(b.talk) }))
      .sort((a, b) => b.total - a.total || (a.userName ?? "").localeCompare(b.userName ?? "")),
  };
}

/** Every São Paulo day of the range (zeros filled in), from the filter or else from the first call to today. */
function daySeries(filter: CallHistoryFilter, seen: string[], now: Date): string[] {
  const last = dayKey(filter.to ? new Date(filter.to.getTime() - 1) : now);
  const first = filter.from ? dayKey(filter.from) : ([...seen].sort()[0] ?? null);
  if (!first || first > last) return [];
  const out: string[] = [];
  for (let day = last; day >= first && out.length < MAX_DAYS; day = addDays(day, -1)) out.push(day);
  return out.reverse();
}
