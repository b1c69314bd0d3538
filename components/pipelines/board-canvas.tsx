"use client";

import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type ClientRect,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
} from "@dnd-kit/core";
import { useMemo, useRef, useState } from "react";
import { useI18n } from "@/components/providers/i18n-provider";
import type { BoardCard, BoardOutput } from "@/lib/schemas/pipeline";
import { BoardColumn } from "./board-column";
import { columnJump } from "./board-keyboard";
import type { CardActions } from "./card-menu";
import { CardBody } from "./opportunity-card";

type Props = {
  board: BoardOutput;
  readOnly: boolean;
  actions: CardActions;
  onCreate: (stageId: string) => void;
};

// Pointer drops go to the column under the pointer; keyboard drags have no pointer, so they fall
// back to the column the card overlaps most.
const collisionDetection: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

/** The columns side by side, with drag and drop by pointer and by keyboard (arrows jump a whole column). */
export function BoardCanvas({ board, readOnly, actions, onCreate }: Props) {
  const { t } = useI18n();
  const [dragging, setDragging] = useState<BoardCard | null>(null);
  const stageIds = useRef<string[]>([]);
  stageIds.current = board.columns.map((c) => c.id);
  const stageName = useMemo(() => new Map(board.columns.map((c) => [c.id, c.name])), [board.columns]);
  const stages = useMemo(() => board.columns.map((c) => ({ id: c.id, name: c.name })), [board.columns]);

  // Arrows jump a whole column; the keys are the default ones otherwise (Space/Enter, Escape).
  const coordinateGetter: KeyboardCoordinateGetter = (event, { context: { over, active, droppableRects } }) => {
    const current = String(over?.id ?? active?.data.current?.stageId ?? "");
    const next = columnJump(event.code, stageIds.current, current, droppableRects as ReadonlyMap<string, ClientRect>);
    if (next) event.preventDefault();
    return next;
  };
  const sensors = useSensors(
    // A few pixels of movement before a drag starts, so a click still opens the card.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter }),
  );

  const titleOf = (active: { data: { current?: Record<string, unknown> } }) => String(active.data.current?.title ?? "");
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      t("pipelines.dnd.picked", { title: titleOf(active), stage: stageName.get(String(active.data.current?.stageId)) ?? "" }),
    onDragOver: ({ active, over }) =>
      over
        ? t("pipelines.dnd.over", { title: titleOf(active), stage: stageName.get(String(over.id)) ?? "" })
        : t("pipelines.dnd.notOver", { title: titleOf(active) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t("pipelines.dnd.dropped", { title: titleOf(active), stage: stageName.get(String(over.id)) ?? "" })
        : t("pipelines.dnd.droppedNowhere", { title: titleOf(active) }),
    onDragCancel: ({ active }) =>
      t("pipelines.dnd.cancelled", { title: titleOf(active), stage: stageName.get(String(active.data.current?.stageId)) ?? "" }),
  };

  function onDragStart({ active }: DragStartEvent) {
    setDragging(board.columns.flatMap((c) => c.cards).find((c) => c.id === active.id) ?? null);
  }
  function onDragEnd({ active, over }: DragEndEvent) {
    setDragging(null);
    const card = board.columns.flatMap((c) => c.cards).find((c) => c.id === active.id);
    if (card && over && over.id !== card.stageId) actions.move(card, String(over.id));
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t("pipelines.dnd.instructions") } }}
    >
      <div className="flex gap-3 overflow-x-auto pb-3" data-testid="board">
        {board.columns.map((column) => (
          <BoardColumn key={column.id} column={column} stages={stages} readOnly={readOnly} actions={actions} onCreate={onCreate} />
        ))}
      </div>
      <DragOverlay dropAnimation={null}>
        {dragging && (
          <div className="w-68 rotate-2 cursor-grabbing rounded-lg border bg-card p-3 shadow-lg">
            <CardBody card={dragging} />
          </div>
        )}
      </DragOverlay>
    </DndContext>
  );
}
