import type { z } from "zod";
import { sumAmounts, weightedAmount } from "@/lib/schemas/opportunity";
import type { BoardInput, BoardOutput } from "@/lib/schemas/pipeline";
import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { visibleOpportunityWhere, type CrmViewer } from "@/server/services/crm/access";
import { boardCardSelect, toBoardCards } from "./board-cards";
import { ensureDefaultPipeline } from "./ensure-default-pipeline";
import { pipelineNotFound } from "./pipeline-errors";

type Input = z.output<typeof BoardInput>;

/** Cards per column: the newest arrivals; totals always cover the whole column. */
export const BOARD_CARDS_PER_STAGE = 100;

// The nil UUID matches no membership: "mine" for an actor without one (support, API key).
const NOBODY = "00000000-0000-0000-0000-000000000000";

function ownerWhere(owner: Input["owner"], viewer: CrmViewer): Prisma.OpportunityWhereInput {
  if (owner === undefined || owner === "anyone") return {};
  if (owner === "me") return { ownerId: viewer.membershipId ?? NOBODY };
  if (owner === "none") return { ownerId: null };
  return { ownerId: owner };
}

function searchWhere(search: string | undefined): Prisma.OpportunityWhereInput {
  if (!search) return {};
  const text = { contains: search, mode: "insensitive" as const };
  return { OR: [{ title: text }, { lead: { name: text } }, { lead: { company: text } }] };
}

/**
 * The kanban board of one pipeline: its stages in order, each with the open opportunities the
 * viewer may see, their count, total and weighted total (value × stage probability, exact).
 */
export async function getBoard(db: TenantDb, viewer: CrmViewer, input: Input, now = new Date()): Promise<BoardOutput> {
  await ensureDefaultPipeline(db);
  const pipeline = await db.pipeline.findFirst({
    where: input.pipelineId ? { id: input.pipelineId } : {},
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      name: true,
      stages: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { id: true, name: true, probability: true, rottingDays: true },
      },
    },
  });
  if (!pipeline) throw pipelineNotFound();

  const where: Prisma.OpportunityWhereInput = {
    AND: [
      { pipelineId: pipeline.id, status: "open" },
      visibleOpportunityWhere(viewer),
      ownerWhere(input.owner, viewer),
      searchWhere(input.search),
    ],
  };
  const groups = await db.opportunity.groupBy({ by: ["stageId"], where, _count: { _all: true }, _sum: { value: true } });
  const rows = [];
  for (const stage of pipeline.stages) {
    rows.push(
      ...(await db.opportunity.findMany({
        where: { AND: [where, { stageId: stage.id }] },
        orderBy: [{ stageEnteredAt: "desc" }, { id: "desc" }],
        take: BOARD_CARDS_PER_STAGE,
        select: boardCardSelect,
      })),
    );
  }
  const rotting = new Map(pipeline.stages.map((s) => [s.id, s.rottingDays]));
  const cards = await toBoardCards(db, viewer, rows, (stageId) => rotting.get(stageId) ?? null, now);

  const columns = pipeline.stages.map((stage) => {
    const group = groups.find((g) => g.stageId === stage.id);
    const total = group?._sum.value?.toFixed(2) ?? "0.00";
    const count = group?._count._all ?? 0;
    const stageCards = cards.filter((c) => c.stageId === stage.id);
    return {
      ...stage,
      count,
      total,
      weighted: weightedAmount(total, stage.probability),
      cards: stageCards,
      truncated: count > stageCards.length,
    };
  });
  return {
    pipeline: { id: pipeline.id, name: pipeline.name },
    columns,
    totals: {
      count: columns.reduce((n, c) => n + c.count, 0),
      total: sumAmounts(columns.map((c) => c.total)),
      weighted: sumAmounts(columns.map((c) => c.weighted)),
    },
  };
}
