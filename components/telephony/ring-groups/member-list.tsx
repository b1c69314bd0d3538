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
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { ArrowDownIcon, ArrowUpIcon, GripVerticalIcon, XIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import { MAX_RING_GROUP_MEMBERS, type ExtensionOption } from "@/lib/schemas/numbers";

type Props = {
  /** Extension ids in ringing order. */
  value: string[];
  onChange: (ids: string[]) => void;
  extensions: ExtensionOption[];
  invalid?: boolean;
};

const labelOf = (e: ExtensionOption | undefined) => (e ? `${e.number} · ${e.name}` : "");

function MemberRow(props: {
  extension: ExtensionOption;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const { extension, index, count } = props;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: extension.id });
  const name = labelOf(extension);
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={cn("flex items-center gap-2 rounded-md border bg-card px-2 py-1.5 text-sm", isDragging && "z-10 shadow-md")}
      data-testid="member-row"
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="cursor-grab rounded p-1 text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
        aria-label={t("numbers.ringGroups.dragHandle", { name })}
        {...attributes}
        {...listeners}
      >
        <GripVerticalIcon className="size-4" aria-hidden />
      </button>
      <span className="w-5 text-right text-xs text-muted-foreground tabular-nums">{index + 1}.</span>
      <span className="flex-1 truncate">
        <span className="font-medium tabular-nums">{extension.number}</span> · {extension.name}
        {!extension.enabled && (
          <Badge variant="outline" className="ml-2">
            {t("numbers.ringGroups.memberDisabled")}
          </Badge>
        )}
      </span>
      <Button
        type="button"
        variant="ghost"
        size="icon"
        className="size-7"
        disabled={index === 0}
        onClick={() => props.onMove(index - 1)}
        aria-label={t("numbers.ringGroups.moveUp", { name })}
      >
        <ArrowUpIcon aria-hidden />
      </Button>
      <Button
        type="button"
        variant="ghost"
        size="icon"
        className="size-7"
        disabled={index === count - 1}
        onClick={() => props.onMove(index + 1)}
        aria-label={t("numbers.ringGroups.moveDown", { name })}
      >
        <ArrowDownIcon aria-hidden />
      </Button>
      <Button
        type="button"
        variant="ghost"
        size="icon"
        className="size-7"
        onClick={props.onRemove}
        aria-label={t("numbers.ringGroups.remove", { name })}
      >
        <XIcon aria-hidden />
      </Button>
    </li>
  );
}

/** The group's extensions in ringing order: drag (pointer or keyboard), up/down buttons, add and remove. */
export function MemberList({ value, onChange, extensions, invalid }: Props) {
  const { t } = useI18n();
  const byId = new Map(extensions.map((e) => [e.id, e]));
  const members = value.map((id) => byId.get(id)).filter((e): e is ExtensionOption => e !== undefined);
  const available = extensions.filter((e) => !value.includes(e.id));
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const position = (id: unknown) => value.indexOf(String(id)) + 1;
  const nameOf = (id: unknown) => labelOf(byId.get(String(id)));
  const total = value.length;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t("numbers.ringGroups.dnd.picked", { name: nameOf(active.id), position: position(active.id), total }),
    onDragOver: ({ active, over }) =>
      over ? t("numbers.ringGroups.dnd.over", { name: nameOf(active.id), position: position(over.id), total }) : undefined,
    onDragEnd: ({ active, over }) =>
      t("numbers.ringGroups.dnd.dropped", { name: nameOf(active.id), position: position(over?.id ?? active.id), total }),
    onDragCancel: ({ active }) => t("numbers.ringGroups.dnd.cancelled", { name: nameOf(active.id), position: position(active.id) }),
  };

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    onChange(arrayMove(value, value.indexOf(String(active.id)), value.indexOf(String(over.id))));
  }

  return (
    <div className="grid gap-2">
      {extensions.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("numbers.ringGroups.noExtensions")}</p>
      ) : (
        <>
          {members.length > 0 && (
            <DndContext
              sensors={sensors}
              collisionDetection={closestCenter}
              onDragEnd={onDragEnd}
              accessibility={{ announcements, screenReaderInstructions: { draggable: t("numbers.ringGroups.dnd.instructions") } }}
            >
              <SortableContext items={value} strategy={verticalListSortingStrategy}>
                <ol className={cn("grid gap-1.5", invalid && "rounded-md ring-1 ring-destructive")} data-testid="member-list">
                  {members.map((extension, index) => (
                    <MemberRow
                      key={extension.id}
                      extension={extension}
                      index={index}
                      count={members.length}
                      onMove={(to) => onChange(arrayMove(value, index, to))}
                      onRemove={() => onChange(value.filter((id) => id !== extension.id))}
                    />
                  ))}
                </ol>
              </SortableContext>
            </DndContext>
          )}
          {available.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("numbers.ringGroups.allAdded")}</p>
          ) : (
            value.length < MAX_RING_GROUP_MEMBERS && (
              // Keyed by the count so the select resets to its placeholder after each pick.
              <Select key={value.length} onValueChange={(id) => onChange([...value, id])}>
                <SelectTrigger className="w-full sm:w-72" aria-label={t("numbers.ringGroups.addMember")} data-testid="add-member">
                  <SelectValue placeholder={t("numbers.ringGroups.addMember")} />
                </SelectTrigger>
                <SelectContent>
                  {available.map((e) => (
                    <SelectItem key={e.id} value={e.id}>
                      {labelOf(e)}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            )
          )}
        </>
      )}
    </div>
  );
}
