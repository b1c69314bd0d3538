"use client";

import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import { arrayMove, SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import type { RouteOutput } from "@/lib/schemas/outbound-route";
import { RouteRow } from "./route-row";

type Props = {
  routes: RouteOutput[];
  busy: boolean;
  onReorder: (ids: string[]) => void;
  onToggle: (route: RouteOutput, enabled: boolean) => void;
  onEdit: (route: RouteOutput) => void;
  onDelete: (route: RouteOutput) => void;
};

/** One scope's routes in the order Asterisk tries them; drag (pointer or keyboard) or the arrows reorder. */
export function RoutesTable({ routes, busy, onReorder, onToggle, onEdit, onDelete }: Props) {
  const { t } = useI18n();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = routes.map((r) => r.id);
  const nameOf = (id: unknown) => routes.find((r) => r.id === id)?.name ?? "";
  const position = (id: unknown) => ids.indexOf(String(id)) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t("routes.dnd.picked", { name: nameOf(active.id), position: position(active.id), total: ids.length }),
    onDragOver: ({ active, over }) => (over ? t("routes.dnd.over", { name: nameOf(active.id), position: position(over.id) }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t("routes.dnd.dropped", { name: nameOf(active.id), position: position(over.id) }) : undefined),
    onDragCancel: ({ active }) => t("routes.dnd.cancelled", { name: nameOf(active.id) }),
  };
  const move = (from: number, to: number) => {
    if (to < 0 || to >= ids.length || from === to) return;
    onReorder(arrayMove(ids, from, to));
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) move(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t("routes.dnd.instructions") } }}
    >
      <Table data-testid="routes-table">
        <TableHeader>
          <TableRow>
            <TableHead>{t("routes.field.priority")}</TableHead>
            <TableHead>{t("routes.field.name")}</TableHead>
            <TableHead>{t("routes.field.pattern")}</TableHead>
            <TableHead className="hidden md:table-cell">{t("routes.field.gateways")}</TableHead>
            <TableHead className="hidden xl:table-cell">{t("routes.field.transform")}</TableHead>
            <TableHead className="hidden xl:table-cell">{t("routes.field.callerIdNumber")}</TableHead>
            <TableHead>{t("routes.field.enabled")}</TableHead>
            <TableHead className="text-right">
              <span className="sr-only">{t("common.actions")}</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          <SortableContext items={ids} strategy={verticalListSortingStrategy}>
            {routes.map((route, index) => (
              <RouteRow
                key={route.id}
                route={route}
                index={index}
                count={routes.length}
                busy={busy}
                onMove={(to) => move(index, to)}
                onToggle={(enabled) => onToggle(route, enabled)}
                onEdit={() => onEdit(route)}
                onDelete={() => onDelete(route)}
              />
            ))}
          </SortableContext>
        </TableBody>
      </Table>
    </DndContext>
  );
}
