"use client";

import { ArrowDownIcon, ArrowUpIcon, MoreHorizontalIcon, PencilIcon, Trash2Icon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { TableCell, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import type { ScoringRuleOutput } from "@/lib/schemas/scoring";
import { describeCondition } from "./condition-summary";
import { PointsBadge } from "./points-badge";
import { RuleSwitch } from "./rule-switch";

type Props = {
  rule: ScoringRuleOutput;
  index: number;
  count: number;
  canEdit: boolean;
  onToggle: (enabled: boolean) => void;
  onEdit: () => void;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
};

export function RuleRow({ rule, index, count, canEdit, onToggle, onEdit, onMove, onDelete }: Props) {
  const { t } = useI18n();
  return (
    <TableRow data-testid="scoring-rule-row" className={cn(!rule.enabled && "text-muted-foreground")}>
      <TableCell className="w-10 text-right text-muted-foreground tabular-nums">{index + 1}</TableCell>
      <TableCell className="max-w-56 font-medium">
        <div className="flex flex-wrap items-center gap-2">
          <span className="truncate" title={rule.name}>
            {rule.name}
          </span>
          {!rule.enabled && <Badge variant="outline">{t("scoring.rules.disabledBadge")}</Badge>}
        </div>
      </TableCell>
      <TableCell className="min-w-64 whitespace-normal">{describeCondition(t, rule.condition)}</TableCell>
      <TableCell className="text-right">
        <PointsBadge points={rule.points} />
      </TableCell>
      <TableCell>
        <RuleSwitch
          checked={rule.enabled}
          disabled={!canEdit}
          onCheckedChange={onToggle}
          aria-label={t("scoring.rules.toggle", { name: rule.name })}
          data-testid="scoring-rule-toggle"
        />
      </TableCell>
      {canEdit && (
        <TableCell className="w-12 text-right">
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="ghost" size="icon-sm" aria-label={t("scoring.rules.actionsFor", { name: rule.name })}>
                <MoreHorizontalIcon aria-hidden />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              <DropdownMenuItem onSelect={onEdit}>
                <PencilIcon aria-hidden />
                {t("scoring.rules.edit")}
              </DropdownMenuItem>
              <DropdownMenuItem disabled={index === 0} onSelect={() => onMove(-1)}>
                <ArrowUpIcon aria-hidden />
                {t("scoring.rules.moveUp")}
              </DropdownMenuItem>
              <DropdownMenuItem disabled={index === count - 1} onSelect={() => onMove(1)}>
                <ArrowDownIcon aria-hidden />
                {t("scoring.rules.moveDown")}
              </DropdownMenuItem>
              <DropdownMenuSeparator />
              <DropdownMenuItem variant="destructive" onSelect={onDelete}>
                <Trash2Icon aria-hidden />
                {t("scoring.rules.delete")}
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
        </TableCell>
      )}
    </TableRow>
  );
}
