import type { MemberRole, Prisma } from "../generated/client";
import { DEFAULT_PIPELINE_NAME, DEFAULT_STAGES } from "../../server/services/pipelines/default-stages";
import { createRandom } from "./random";

// Demo opportunities: what a telecom operator's customer would be selling to its own customers.
// Values in BRL; some with product lines (the value is then their sum, as the app computes it).

type Line = { description: string; quantity: number; unitPrice: string };
type Spec = { title: string; value?: string; lines?: Line[]; status?: "won" | "lost"; reason?: string };

const OPPORTUNITIES: Spec[] = [
  {
    title: "Plano Pro — 25 ramais",
    lines: [
      { description: "Ramal Pro", quantity: 25, unitPrice: "89.90" },
      { description: "Implantação", quantity: 1, unitPrice: "1500.00" },
    ],
  },
  { title: "Migração de PABX — 40 ramais", value: "18400.00" },
  { title: "Tronco SIP — 30 canais", lines: [{ description: "Canal SIP", quantity: 30, unitPrice: "79.00" }] },
  { title: "Números 0800 com URA", value: "6750.00" },
  {
    title: "Call center — 15 posições",
    lines: [
      { description: "Posição de atendimento", quantity: 15, unitPrice: "249.00" },
      { description: "Treinamento da equipe", quantity: 2, unitPrice: "1200.00" },
    ],
  },
  { title: "Gravação de chamadas — 12 meses", value: "9600.00" },
  { title: "Plano Starter — 5 ramais", value: "2390.00" },
  { title: "Expansão da filial de Campinas", value: "14200.00" },
  { title: "Portabilidade de 10 números", value: "3500.00" },
  { title: "Integração CRM + discador", value: "27500.00" },
  { title: "Plano Enterprise — 120 ramais", value: "58900.00" },
  { title: "Ramais remotos para home office", value: "7800.00" },
  { title: "Renovação anual — 50 ramais", value: "32000.00", status: "won", reason: "Contrato renovado por 24 meses" },
  { title: "Central virtual para clínica", value: "4800.00", status: "won" },
  { title: "Troca de operadora — 20 linhas", value: "12600.00", status: "lost", reason: "Preço" },
];

const DAY_MS = 86_400_000;

function cents(amount: string): number {
  const [int, frac = "0"] = amount.split(".");
  return Number(int) * 100 + Number(frac.padEnd(2, "0"));
}

function valueOf(spec: Spec): string {
  if (!spec.lines) return spec.value!;
  const total = spec.lines.reduce((sum, l) => sum + l.quantity * cents(l.unitPrice), 0);
  return `${Math.floor(total / 100)}.${String(total % 100).padStart(2, "0")}`;
}

function seedOf(tenantId: string): number {
  return [...tenantId].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);
}

/**
 * The default pipeline and ~15 opportunities (12 open over the stages, 2 won, 1 lost) for a demo
 * tenant, with their opening activities. Idempotent: a tenant with any opportunity is left alone.
 * `tx` runs as linha_admin, so every row names its tenant.
 */
export async function seedPipelines(
  tx: Prisma.TransactionClient,
  tenantId: string,
  memberships: { id: string; role: MemberRole }[],
): Promise<void> {
  if ((await tx.opportunity.count({ where: { tenantId } })) > 0) return;
  let pipeline = await tx.pipeline.findFirst({
    where: { tenantId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true },
  });
  if (!pipeline) {
    pipeline = await tx.pipeline.create({ data: { tenantId, name: DEFAULT_PIPELINE_NAME, position: 0 }, select: { id: true } });
    await tx.stage.createMany({
      data: DEFAULT_STAGES.map((stage, position) => ({ ...stage, tenantId, pipelineId: pipeline!.id, position })),
    });
  }
  const stages = await tx.stage.findMany({
    where: { tenantId, pipelineId: pipeline.id },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  if (stages.length === 0) return;

  const random = createRandom(seedOf(tenantId));
  const sellers = memberships.filter((m) => m.role === "rep" || m.role === "manager");
  const owners = sellers.length > 0 ? sellers : memberships;
  const names = new Map(
    (await tx.membership.findMany({ where: { tenantId }, select: { id: true, user: { select: { name: true } } } })).map((m) => [
      m.id,
      m.user.name,
    ]),
  );
  const leads = await tx.lead.findMany({
    where: { tenantId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 10,
    select: { id: true, ownerId: true },
  });
  const now = Date.now();

  for (const [index, spec] of OPPORTUNITIES.entries()) {
    // Two thirds are linked to a lead; a linked opportunity belongs to the lead's owner when it has one.
    const lead = index % 3 !== 2 ? leads[index % Math.max(1, leads.length)] : undefined;
    const ownerId = lead?.ownerId ?? (index === 5 ? null : (random.pick(owners)?.id ?? null));
    const createdAt = new Date(now - random.int(12, 60) * DAY_MS);
    const stageEnteredAt = new Date(Math.max(createdAt.getTime(), now - random.int(0, 21) * DAY_MS - random.int(0, 86_399) * 1000));
    const value = valueOf(spec);
    const closedAt = spec.status ? new Date(now - random.int(1, 10) * DAY_MS) : null;
    const opportunity = await tx.opportunity.create({
      data: {
        tenantId,
        title: spec.title,
        leadId: lead?.id ?? null,
        pipelineId: pipeline.id,
        stageId: stages[spec.status ? stages.length - 1 : index % stages.length]!.id,
        ownerId,
        value,
        expectedCloseOn: new Date(
          Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate() + random.int(5, 90)),
        ),
        status: spec.status ?? "open",
        closeReason: spec.reason ?? null,
        closedAt,
        stageEnteredAt,
        createdAt,
        updatedAt: closedAt ?? stageEnteredAt,
      },
      select: { id: true },
    });
    if (spec.lines) {
      await tx.opportunityLine.createMany({
        data: spec.lines.map((line, position) => ({ ...line, tenantId, opportunityId: opportunity.id, position })),
      });
    }
    const actorName = ownerId ? (names.get(ownerId) ?? null) : null;
    const activity = { tenantId, opportunityId: opportunity.id, leadId: lead?.id ?? null, actorName };
    await tx.activity.create({
      data: { ...activity, kind: "opportunity_created", data: { title: spec.title, value }, occurredAt: createdAt, createdAt },
    });
    if (spec.status && closedAt) {
      const kind = spec.status === "won" ? "opportunity_won" : "opportunity_lost";
      await tx.activity.create({
        data: {
          ...activity,
          kind,
          data: { title: spec.title, value, ...(spec.reason ? { reason: spec.reason } : {}) },
          occurredAt: closedAt,
          createdAt: closedAt,
        },
      });
    }
  }
}
