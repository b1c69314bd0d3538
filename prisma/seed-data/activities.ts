import { randomUUID } from "node:crypto";
import type { ActivityKind, MemberRole, Prisma, TaskType } from "../generated/client";
import { createRandom, type Random } from "./random";

// Demo timelines and tasks: what a sales team selling telephony would have logged over the last
// few weeks. Written as linha_admin, so every row names its tenant.

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const NOTES = [
  "Cliente quer trocar o PABX antigo até o fim do trimestre.",
  "Decisão fica com o diretor financeiro. Pediu comparativo com a operadora atual.",
  "Têm 3 filiais; querem ramais unificados entre elas.",
  "Reclamaram da qualidade das ligações com o fornecedor atual.\nVale mostrar o relatório de MOS na próxima conversa.",
  "Orçamento aprovado para o segundo semestre.",
  "Pediu desconto para contrato de 24 meses.",
  "Interesse em gravação de chamadas por exigência do jurídico.",
  "Contato indicado pelo cliente da Padaria Santa Rita.",
];
const CALL_NOTES = [
  "Falei com a recepção, pediram para ligar depois das 14h.",
  "Conversa boa, agendamos demonstração.",
  "Confirmou o número de ramais: 25.",
  "Pediu para reenviar a proposta por e-mail.",
  null,
];
const EMAILS = [
  "Enviei a proposta comercial com os valores do Plano Pro.",
  "Mandei o material sobre portabilidade numérica.",
  "Enviei o contrato para revisão do jurídico.",
  "Respondi às dúvidas sobre o tronco SIP e a URA.",
];
const MEETINGS = [
  "Demonstração da central virtual para a equipe de atendimento.",
  "Reunião presencial com o sócio-diretor; gostaram do painel de chamadas.",
  "Visita técnica para levantar a rede e os aparelhos.",
];
const OUTCOMES = ["connected", "connected", "connected", "no_answer", "no_answer", "busy", "voicemail", "wrong_number"] as const;
const TASKS: { title: string; type: TaskType }[] = [
  { title: "Ligar para confirmar a demonstração", type: "call" },
  { title: "Enviar proposta revisada", type: "email" },
  { title: "Retornar sobre o desconto de 24 meses", type: "call" },
  { title: "Reunião de alinhamento com o TI", type: "meeting" },
  { title: "Preparar comparativo de custos", type: "todo" },
  { title: "Enviar contrato para assinatura", type: "email" },
  { title: "Follow-up da proposta enviada", type: "call" },
  { title: "Agendar visita técnica", type: "meeting" },
  { title: "Conferir dados de faturamento (CNPJ)", type: "todo" },
  { title: "Mandar material sobre gravação de chamadas", type: "email" },
];

function seedOf(tenantId: string): number {
  return [...tenantId].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 11);
}

/** A moment between 8:30 and 18:00 São Paulo time (UTC−3), `daysAgo` days back. */
function businessMoment(random: Random, now: number, daysAgo: number): Date {
  const day = new Date(now - daysAgo * DAY_MS);
  const minutes = random.int(8 * 60 + 30, 18 * 60);
  const at = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 3, 0) + minutes * 60_000;
  return new Date(Math.min(at, now - 5 * 60_000));
}

type Member = { id: string; role: MemberRole; userId: string; name: string };

function timelineFor(random: Random, now: number, actor: Member | undefined, leadId: string, tenantId: string) {
  const entries: Prisma.ActivityCreateManyInput[] = [];
  const count = random.int(2, 5);
  const days = Array.from({ length: count }, () => random.int(0, 21)).sort((a, b) => b - a);
  for (const daysAgo of days) {
    const occurredAt = businessMoment(random, now, daysAgo);
    const roll = random.next();
    const base = {
      tenantId,
      leadId,
      actorUserId: actor?.userId ?? null,
      actorName: actor?.name ?? null,
      occurredAt,
      createdAt: occurredAt,
    };
    let kind: ActivityKind;
    if (roll < 0.4) {
      kind = "call";
      const outcome = random.pick(OUTCOMES);
      entries.push({
        ...base,
        kind,
        body: outcome === "connected" ? random.pick(CALL_NOTES) : null,
        data: { outcome, durationSec: outcome === "connected" ? random.int(45, 900) : 0 },
      });
    } else if (roll < 0.65) {
      entries.push({ ...base, kind: "note", body: random.pick(NOTES) });
    } else if (roll < 0.9) {
      entries.push({ ...base, kind: "email", body: random.pick(EMAILS) });
    } else {
      entries.push({ ...base, kind: "meeting", body: random.pick(MEETINGS) });
    }
  }
  return entries;
}

/** Due moments of one member's ~15 tasks: overdue, later today, the coming week, and done ones. */
function taskPlan(random: Random, now: number): { dueAt: Date; done: boolean }[] {
  const at = (ms: number) => new Date(Math.round((now + ms) / (15 * 60_000)) * 15 * 60_000);
  return [
    ...[1, 2, 5].map((d) => ({ dueAt: at(-d * DAY_MS - random.int(1, 6) * HOUR_MS), done: false })),
    { dueAt: at(-random.int(1, 3) * HOUR_MS), done: false },
    ...[1, 3].map((h) => ({ dueAt: at(h * HOUR_MS + random.int(0, 3) * 15 * 60_000), done: false })),
    { dueAt: at(-random.int(2, 5) * HOUR_MS), done: true },
    ...[1, 1, 2, 3, 4, 6].map((d) => ({ dueAt: at(d * DAY_MS + random.int(-3, 3) * HOUR_MS), done: false })),
    ...[2, 4, 8].map((d) => ({ dueAt: at(-d * DAY_MS), done: true })),
  ];
}

/**
 * Timelines for ~30 leads of a demo tenant (notes, logged calls with outcomes, e-mails, meetings
 * over the last three weeks, with Lead.lastContactAt set to the latest contact) and ~15 tasks per
 * rep and manager. Idempotent: a tenant with any task is left alone.
 */
export async function seedActivities(
  tx: Prisma.TransactionClient,
  tenantId: string,
  memberships: { id: string; role: MemberRole }[],
): Promise<void> {
  if ((await tx.task.count({ where: { tenantId } })) > 0) return;
  const random = createRandom(seedOf(tenantId));
  const now = Date.now();
  const rows = await tx.membership.findMany({
    where: { tenantId, id: { in: memberships.map((m) => m.id) } },
    select: { id: true, role: true, userId: true, user: { select: { name: true } } },
  });
  const members: Member[] = rows.map((m) => ({ id: m.id, role: m.role, userId: m.userId, name: m.user.name }));
  const byId = new Map(members.map((m) => [m.id, m]));
  const leads = await tx.lead.findMany({
    where: { tenantId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 30,
    select: { id: true, name: true, ownerId: true },
  });
  if (leads.length === 0 || members.length === 0) return;

  const activities: Prisma.ActivityCreateManyInput[] = [];
  for (const lead of leads) {
    const actor = (lead.ownerId && byId.get(lead.ownerId)) || random.pick(members);
    const entries = timelineFor(random, now, actor, lead.id, tenantId);
    activities.push(...entries);
    const contacts = entries.filter((e) => e.kind !== "note").map((e) => (e.occurredAt as Date).getTime());
    if (contacts.length > 0) {
      await tx.lead.update({ where: { id: lead.id }, data: { lastContactAt: new Date(Math.max(...contacts)) } });
    }
  }

  const tasks: Prisma.TaskCreateManyInput[] = [];
  for (const member of members.filter((m) => m.role === "rep" || m.role === "manager")) {
    const own = leads.filter((l) => l.ownerId === member.id);
    const pool = own.length > 0 ? own : leads.filter((l) => l.ownerId === null);
    for (const [index, plan] of taskPlan(random, now).entries()) {
      const spec = TASKS[(index + member.id.charCodeAt(0)) % TASKS.length]!;
      const lead = index % 5 === 4 || pool.length === 0 ? null : random.pick(pool);
      const createdAt = new Date(Math.min(plan.dueAt.getTime(), now) - random.int(1, 4) * DAY_MS);
      const completedAt = plan.done ? new Date(Math.min(plan.dueAt.getTime() + random.int(0, 2) * HOUR_MS, now - 10 * 60_000)) : null;
      const id = randomUUID();
      tasks.push({
        id,
        tenantId,
        title: spec.title,
        type: spec.type,
        dueAt: plan.dueAt,
        assigneeId: member.id,
        leadId: lead?.id ?? null,
        completedAt,
        completedByUserId: completedAt ? member.userId : null,
        createdByUserId: member.userId,
        createdAt,
        updatedAt: completedAt ?? createdAt,
      });
      if (lead && completedAt) {
        activities.push({
          tenantId,
          kind: "task_completed",
          leadId: lead.id,
          data: { taskId: id, title: spec.title, type: spec.type },
          actorUserId: member.userId,
          actorName: member.name,
          occurredAt: completedAt,
          createdAt: completedAt,
        });
      }
    }
  }
  await tx.task.createMany({ data: tasks });
  await tx.activity.createMany({ data: activities });
}
