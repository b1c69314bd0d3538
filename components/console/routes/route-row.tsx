"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { ArrowDownIcon, ArrowUpIcon, GripVerticalIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { TableCell, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import { RowActions } from "@/components/console/inventory/row-actions";
import { cn } from "@/lib/cn";
import type { RouteOutput } from "@/lib/schemas/outbound-route";

type Props = {
  route: RouteOutput;
  index: number;
  count: number;
  /** Reordering is off while a reorder is saving. */
  busy: boolean;
  onMove: (to: number) => void;
  onToggle: (enabled: boolean) => void;
  onEdit: () => void;
  onDelete: () => void;
};

/** What the route does to the number: "−2 · +0021", or "—". */
function transformation(route: RouteOutput): string {
  const parts = [route.stripDigits > 0 ? `−${route.stripDigits}` : null, route.prepend ? `+${route.prepend}` : null].filter(Boolean);
  return parts.length ? parts.join(" · ") : "—";
}

export function RouteRow({ route, index, count, busy, onMove, onToggle, onEdit, onDelete }: Props) {
  const { t } = useI18n();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: route.id,
    disabled: busy,
  });
  return (
    <TableRow
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={cn(isDragging && "relative z-10 bg-card shadow-md", !route.enabled && "text-muted-foreground")}
      data-testid="route-row"
    >
      <TableCell className="w-20">
        <div className="flex items-center gap-1">
          <button
            type="button"
            ref={setActivatorNodeRef}
            className="cursor-grab rounded p-1 text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring disabled:cursor-not-allowed"
            aria-label={t("routes.dragHandle", { name: route.name })}
            disabled={busy}
            {...attributes}
            {...listeners}
          >
            <GripVerticalIcon className="size-4" aria-hidden />
          </button>
          <span className="text-xs tabular-nums">{route.priority}</span>
        </div>
      </TableCell>
      <TableCell>
        <button
          type="button"
          className="text-left font-mono font-medium underline-offset-4 hover:underline focus-visible:underline focus-visible:outline-none"
          onClick={onEdit}
        >
          {route.name}
        </button>
        {!route.enabled && (
          <Badge variant="outline" className="ml-2">
            {t("routes.disabled")}
          </Badge>
        )}
      </TableCell>
      <TableCell className="font-mono text-sm">{route.pattern}</TableCell>
      <TableCell className="hidden md:table-cell">
        <ol className="flex flex-wrap items-center gap-1 text-sm">
          {route.gateways.map((g, i) => (
            <li key={g.id} className="flex items-center gap-1">
              {i > 0 && <span aria-hidden>→</span>}
              <span className="font-mono">{g.name}</span>
            </li>
          ))}
        </ol>
      </TableCell>
      <TableCell className="hidden font-mono text-sm xl:table-cell">{transformation(route)}</TableCell>
      <TableCell className="hidden font-mono text-sm xl:table-cell">{route.callerIdNumber ?? "—"}</TableCell>
      <TableCell className="w-12">
        <Checkbox
          checked={route.enabled}
          onCheckedChange={(v) => onToggle(v === true)}
          aria-label={t("routes.enabledToggle", { name: route.name })}
        />
      </TableCell>
      <TableCell className="w-28">
        <div className="flex items-center justify-end">
          <Button
            variant="ghost"
            size="icon"
            className="size-8"
            disabled={busy || index === 0}
            onClick={() => onMove(index - 1)}
            aria-label={t("routes.moveUp", { name: route.name })}
          >
            <ArrowUpIcon aria-hidden />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            className="size-8"
            disabled={busy || index === count - 1}
            onClick={() => onMove(index + 1)}
            aria-label={t("routes.moveDown", { name: route.name })}
          >
            <ArrowDownIcon aria-hidden />
          </Button>
          <RowActions name={route.name} onEdit={onEdit} onDelete={onDelete} />
        </div>
      </TableCell>
    </TableRow>
  );
}
