import { randomUUID } from "node:crypto";
import type { CallDirection, CallDisposition, CallOutcome, Prisma } from "../generated/client";
import { loadEnabledRules } from "../../server/services/scoring/load-scoring-rules";
import { rescoreWithRules } from "../../server/services/scoring/rescore-leads";
import { createRandom, type Random } from "./random";

// Demo call history: what a month of a small sales team's calls looks like in the history, its
// charts and on the leads' timelines. Written as linha_admin, so every row names its tenant. No
// recordings: their files would not exist.

const DAY_MS = 86_400_000;
/** São Paulo is UTC−3 (no DST since 2019). */
const SP_OFFSET_MS = 3 * 3_600_000;
const SEED_PREFIX = "seed-";

const CALL_NOTES = [
  "Pediu para retornar depois das 14h.",
  "Conversa boa, agendamos demonstração para a semana que vem.",
  "Confirmou 25 ramais e interesse em gravação.",
  "Quer a proposta revisada por e-mail.",
  "Falou com o financeiro, aguarda aprovação.",
  null,
  null,
];

export type SeedDemoCallsOptions = {
  tenantId: string;
  /** The tenant's slug, for the seeded calls' linked ids (stable across runs). */
  slug: string;
  /** How many calls (acme ~150, globex ~30). */
  count: number;
  /** The seed's "now": calls fall in the 30 days before it. */
  now: Date;
};

type Agent = { membershipId: string; userId: string; name: string; extension: string };
type LeadRow = { id: string; phone: string; ownerId: string | null };
type Planned = {
  direction: CallDirection;
  disposition: CallDisposition;
  agent: Agent;
  other: Agent | null;
  lead: LeadRow | null;
  number: string;
};

function seedOf(text: string): number {
  return [...text].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);
}

/** A weekday moment between 08:30 and 18:30 São Paulo time, `daysAgo` days before `now`, never after it. */
function businessMoment(random: Random, now: number, daysAgo: number): Date {
  let day = new Date(now - SP_OFFSET_MS - daysAgo * DAY_MS);
  // Weekends move to the Friday before: sales teams rarely call on Saturdays and Sundays.
  const weekday = day.getUTCDay();
  if (weekday === 0 || weekday === 6) day = new Date(day.getTime() - (weekday === 0 ? 2 : 1) * DAY_MS);
  const minutes = random.int(8 * 60 + 30, 18 * 60 + 30);
  const at =
    Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) + SP_OFFSET_MS + minutes * 60_000 + random.int(0, 59) * 1000;
  return new Date(Math.min(at, now - 10 * 60_000));
}

function pickDisposition(random: Random, direction: CallDirection): CallDisposition {
  const roll = random.next();
  if (direction === "internal") return roll < 0.8 ? "answered" : "no_answer";
  if (direction === "inbound") return roll < 0.72 ? "answered" : "no_answer";
  if (roll < 0.58) return "answered";
  if (roll < 0.8) return "no_answer";
  if (roll < 0.91) return "busy";
  if (roll < 0.95) return "failed";
  return "agent_missed";
}

/** Talk time, mostly a few minutes, sometimes long: 20 s to 15 min. */
function talkSeconds(random: Random): number {
  const roll = random.next();
  if (roll < 0.25) return random.int(20, 60);
  if (roll < 0.8) return random.int(60, 300);
  return random.int(300, 900);
}

/** What the rep recorded after the call, consistent with what the PBX saw; null when nobody filled the form in. */
function outcomeOf(random: Random, disposition: CallDisposition): CallOutcome | null {
  if (random.next() < 0.15) return null;
  switch (disposition) {
    case "answered":
      return random.next() < 0.92 ? "connected" : "wrong_number";
    case "no_answer":
      return random.next() < 0.6 ? "no_answer" : "voicemail";
    case "busy":
      return "busy";
    default:
      return null;
  }
}

function plan(random: Random, agents: Agent[], leads: LeadRow[]): Planned {
  const agent = random.pick(agents);
  const roll = random.next();
  const direction: CallDirection = agents.length > 1 && roll < 0.1 ? "internal" : roll < 0.35 ? "inbound" : "outbound";
  const disposition = pickDisposition(random, direction);
  if (direction === "internal") {
    const other = random.pick(agents.filter((a) => a !== agent));
    return { direction, disposition, agent, other, lead: null, number: other.extension };
  }
  // Reps call their own leads first, then the unassigned pool; an inbound call is sometimes a stranger.
  const own = leads.filter((l) => l.ownerId === agent.membershipId);
  const pool = own.length > 0 && random.next() < 0.75 ? own : leads;
  const lead = direction === "inbound" && random.next() < 0.2 ? null : pool.length > 0 ? random.pick(pool) : null;
  const number = lead ? lead.phone.replace(/^\+/, "") : `55119${String(random.int(0, 99_999_999)).padStart(8, "0")}`;
  return { direction, disposition, agent, other: null, lead, number };
}

/**
 * About `count` ended calls over the 30 days before `now` across the tenant's members that have an
 * extension (outbound, inbound and internal; ~60 % answered; busy and unanswered ones; 20 s to 15 min),
 * each call with a lead also on that lead's timeline (kind call, outcome consistent with the
 * disposition), leads' lastContactAt moved forward and their scores recomputed. Deterministic for a
 * tenant and `now`; idempotent: a tenant that already has seeded calls is left alone.
 */
export async function seedDemoCalls(tx: Prisma.TransactionClient, options: SeedDemoCallsOptions): Promise<number> {
  const { tenantId, slug, count } = options;
  if ((await tx.call.count({ where: { tenantId, linkedId: { startsWith: SEED_PREFIX } } })) > 0) return 0;
  const extensions = await tx.extension.findMany({
    where: { tenantId, membershipId: { not: null } },
    orderBy: { number: "asc" },
    select: { number: true, membership: { select: { id: true, userId: true, user: { select: { name: true } } } } },
  });
  const agents: Agent[] = extensions.flatMap((e) =>
    e.membership ? [{ membershipId: e.membership.id, userId: e.membership.userId, name: e.membership.user.name, extension: e.number }] : [],
  );
  const leads: LeadRow[] = (
    await tx.lead.findMany({
      where: { tenantId, phone: { not: null } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 80,
      select: { id: true, phone: true, ownerId: true },
    })
  ).map((l) => ({ id: l.id, phone: l.phone!, ownerId: l.ownerId }));
  if (agents.length === 0) return 0;
  // An inbound call reaches the tenant on one of its numbers: Asterisk reports the DID dialled (digits).
  const dids = (await tx.did.findMany({ where: { tenantId }, orderBy: { number: "asc" }, select: { number: true } })).map((d) =>
    d.number.replace(/^\+/, ""),
  );

  const random = createRandom(seedOf(`${slug}:calls`));
  const now = options.now.getTime();
  const calls: Prisma.CallCreateManyInput[] = [];
  const activities: Prisma.ActivityCreateManyInput[] = [];
  const lastContact = new Map<string, number>();

  for (let n = 0; n < count; n++) {
    const p = plan(random, agents, leads);
    const startedAt = businessMoment(random, now, random.int(0, 29));
    const ring = p.disposition === "busy" || p.disposition === "failed" ? random.int(1, 4) : random.int(5, 25);
    const talk = p.disposition === "answered" ? talkSeconds(random) : 0;
    const durationSec = p.disposition === "no_answer" || p.disposition === "agent_missed" ? random.int(20, 32) : ring + talk;
    const ringingAt = new Date(startedAt.getTime() + (p.direction === "outbound" ? random.int(2, 6) * 1000 : 0));
    const answeredAt = p.disposition === "answered" ? new Date(startedAt.getTime() + ring * 1000) : null;
    const endedAt = new Date(startedAt.getTime() + durationSec * 1000);
    const outcome = p.lead ? outcomeOf(random, p.disposition) : null;
    const note = outcome ? random.pick(CALL_NOTES) : null;
    const id = randomUUID();
    const activityId = p.lead ? randomUUID() : null;
    const extensionSide = p.agent.extension;
    const [fromNumber, toNumber] =
      p.direction === "inbound" ? [p.number, dids.length > 0 ? dids[n % dids.length]! : extensionSide] : [extensionSide, p.number];
    calls.push({
      id,
      tenantId,
      linkedId: `${SEED_PREFIX}${slug}-${n}`,
      direction: p.direction,
      state: "ended",
      fromNumber,
      toNumber,
      extensionNumber: extensionSide,
      userId: p.agent.userId,
      userName: p.agent.name,
      leadId: p.lead?.id ?? null,
      // Gateway names as the renderer names carriers (`gw_<name>`, reported without the prefix): rated by their decks.
      gatewayName: p.direction === "internal" ? null : n % 7 === 0 ? "algar-sp1" : "vivo-sp1",
      startedAt,
      ringingAt: p.disposition === "agent_missed" ? null : ringingAt,
      answeredAt,
      endedAt,
      durationSec,
      billsec: talk,
      disposition: p.disposition,
      hangupCause:
        p.disposition === "busy"
          ? 17
          : p.disposition === "no_answer" || p.disposition === "agent_missed"
            ? 19
            : p.disposition === "failed"
              ? 34
              : 16,
      hangupCauseText:
        p.disposition === "busy"
          ? "User busy"
          : p.disposition === "no_answer" || p.disposition === "agent_missed"
            ? "No answer"
            : p.disposition === "failed"
              ? "Circuit/channel congestion"
              : "Normal Clearing",
      outcome,
      note,
      activityId,
      createdAt: startedAt,
      updatedAt: endedAt,
    });
    if (p.lead && activityId) {
      activities.push({
        id: activityId,
        tenantId,
        kind: "call",
        leadId: p.lead.id,
        body: note,
        data: { callId: id, direction: p.direction, disposition: p.disposition, durationSec: talk, ...(outcome ? { outcome } : {}) },
        actorUserId: p.agent.userId,
        actorName: p.agent.name,
        occurredAt: startedAt,
        createdAt: endedAt,
      });
      lastContact.set(p.lead.id, Math.max(lastContact.get(p.lead.id) ?? 0, startedAt.getTime()));
    }
  }

  await tx.call.createMany({ data: calls });
  await tx.activity.createMany({ data: activities });
  for (const [leadId, at] of lastContact) {
    await tx.lead.updateMany({
      where: { id: leadId, tenantId, OR: [{ lastContactAt: null }, { lastContactAt: { lt: new Date(at) } }] },
      data: { lastContactAt: new Date(at) },
    });
  }
  // Answered "connected" calls are a scoring fact: the touched leads' scores follow.
  await rescoreWithRules(tx, await loadEnabledRules(tx, tenantId), [...lastContact.keys()], options.now, tenantId);
  return calls.length;
}
