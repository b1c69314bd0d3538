import { z } from "zod";
import { messageKey } from "@/lib/i18n";
import { optionalText } from "./fields";

export const TASK_TYPES = ["call", "email", "meeting", "todo"] as const;

/**
 * Every tenant works in São Paulo time for now (there is no per-tenant time zone yet): "today",
 * "tomorrow 9:00" and the My day buckets are computed in this zone on both sides.
 */
export const TASK_TIME_ZONE = "America/Sao_Paulo";

const id = z.uuid({ message: messageKey("invalid_id") });

export const TaskType = z.enum(TASK_TYPES, { message: messageKey("invalid_option") });
export type TaskType = z.infer<typeof TaskType>;

export const TaskTitle = z
  .string({ message: messageKey("required") })
  .trim()
  .min(1, messageKey("required"))
  .max(200, messageKey("too_long", { max: 200 }));

export const TaskDueAt = z.date({ message: "tasks.errors.dueAtInvalid" });

export const TaskFields = z.object({
  title: TaskTitle,
  type: TaskType,
  dueAt: TaskDueAt,
  /** Null: nobody; omitted on create: whoever creates it. */
  assigneeId: id.nullable().optional(),
  notes: optionalText(2000),
});

export const TaskCreateInput = TaskFields.extend({
  leadId: id.nullish(),
  opportunityId: id.nullish(),
});
export type TaskCreateInput = z.input<typeof TaskCreateInput>;

export const TaskUpdateInput = z.object({ id, data: TaskFields.partial() });
export type TaskUpdateInput = z.input<typeof TaskUpdateInput>;

export const TaskId = z.object({ id });

/** The task dialog's fields: the due date and time are typed separately, in TASK_TIME_ZONE. */
export const TaskFormFields = z
  .object({
    title: TaskTitle,
    type: TaskType,
    dueDate: z.string().min(1, messageKey("required")),
    dueTime: z.string().min(1, messageKey("required")),
    assigneeId: id.nullable(),
    notes: optionalText(2000),
  })
  .transform((form, ctx) => {
    const dueAt = fromZonedInputValues(form.dueDate, form.dueTime);
    if (!dueAt) {
      ctx.addIssue({ code: "custom", path: ["dueDate"], message: "tasks.errors.dueAtInvalid" });
      return z.NEVER;
    }
    return { title: form.title, type: form.type, dueAt, assigneeId: form.assigneeId, notes: form.notes };
  });

export const TaskRescheduleInput = z.object({ id, dueAt: TaskDueAt });

export const TaskAssigneeFilter = z.union([z.literal("me"), z.literal("all"), id]);

export const TaskListInput = z.object({
  assignee: TaskAssigneeFilter.default("me"),
  leadId: id.optional(),
  opportunityId: id.optional(),
  status: z.enum(["open", "done"]).default("open"),
  cursor: id.nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type TaskListInput = z.input<typeof TaskListInput>;

export const MyDayInput = z.object({ assignee: z.union([z.literal("me"), id]).default("me") });
export type MyDayInput = z.input<typeof MyDayInput>;

export const TaskOutput = z.object({
  id: z.string(),
  title: z.string(),
  type: TaskType,
  dueAt: z.date(),
  completedAt: z.date().nullable(),
  notes: z.string().nullable(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  lead: z.object({ id: z.string(), name: z.string() }).nullable(),
  opportunity: z.object({ id: z.string(), title: z.string() }).nullable(),
  /** Open and due before now. */
  overdue: z.boolean(),
});
export type TaskOutput = z.infer<typeof TaskOutput>;

export const TaskPage = z.object({ items: z.array(TaskOutput), nextCursor: z.string().nullable() });
export type TaskPage = z.infer<typeof TaskPage>;

/** Whom the viewer may give a task to: reps only themselves, managers anyone in the tenant. */
export const TaskAssignees = z.object({
  myMembershipId: z.string().nullable(),
  members: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type TaskAssignees = z.infer<typeof TaskAssignees>;

/** Each bucket holds at most MY_DAY_BUCKET_LIMIT tasks; `counts` has the true totals. */
export const MY_DAY_BUCKET_LIMIT = 100;

export const MyDayOutput = z.object({
  overdue: z.array(TaskOutput),
  today: z.array(TaskOutput),
  upcoming: z.array(TaskOutput),
  counts: z.object({ overdue: z.number().int(), today: z.number().int(), upcoming: z.number().int() }),
});
export type MyDayOutput = z.infer<typeof MyDayOutput>;

// ---- wall-clock time in TASK_TIME_ZONE (Intl only: no time-zone library in the project)

type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockOf(instant: Date, timeZone: string): WallClock & { second: number } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Milliseconds the zone is ahead of UTC at `instant` (São Paulo: −3 h). */
function zoneOffset(instant: Date, timeZone: string): number {
  const w = wallClockOf(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a wall-clock time happens in the zone (month is 1–12; day may overflow, like Date.UTC). */
export function zonedTime(clock: WallClock, timeZone = TASK_TIME_ZONE): Date {
  const guess = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute);
  const first = guess - zoneOffset(new Date(guess), timeZone);
  // A second pass settles times near an offset change (daylight saving in zones that have it).
  return new Date(guess - zoneOffset(new Date(first), timeZone));
}

/** Midnight of the day `instant` falls on in the zone, shifted by `days`. */
export function startOfZonedDay(instant: Date, days = 0, timeZone = TASK_TIME_ZONE): Date {
  const w = wallClockOf(instant, timeZone);
  return zonedTime({ year: w.year, month: w.month, day: w.day + days, hour: 0, minute: 0 }, timeZone);
}

/** `hour`:`minute` on the day `instant` falls on in the zone, shifted by `days`. */
export function zonedTimeOnDay(instant: Date, days: number, hour: number, minute = 0, timeZone = TASK_TIME_ZONE): Date {
  const w = wallClockOf(instant, timeZone);
  return zonedTime({ year: w.year, month: w.month, day: w.day + days, hour, minute }, timeZone);
}

/** The zone's wall clock as `YYYY-MM-DD` and `HH:mm` (for date and time inputs). */
export function zonedInputValues(instant: Date, timeZone = TASK_TIME_ZONE): { date: string; time: string } {
  const w = wallClockOf(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** Parses `YYYY-MM-DD` + `HH:mm` as wall-clock time in the zone; null when either is malformed. */
export function fromZonedInputValues(date: string, time: string, timeZone = TASK_TIME_ZONE): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const result = zonedTime({ year, month, day, hour, minute }, timeZone);
  // Reject overflowing dates such as 2026-02-31 instead of silently moving them to March.
  return zonedInputValues(result, timeZone).date === date ? result : null;
}
