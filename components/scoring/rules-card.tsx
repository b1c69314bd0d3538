"use client";

import { useQuery } from "@tanstack/react-query";
import { PlusIcon, RefreshCwIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LoadError } from "@/components/settings/load-error";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { ScoringRuleOutput } from "@/lib/schemas/scoring";
import { DeleteRuleDialog } from "./delete-rule-dialog";
import { RecomputeBar } from "./recompute-bar";
import { RuleFormDialog } from "./rule-form-dialog";
import { RuleRow } from "./rule-row";
import { RulesEmptyState } from "./rules-empty-state";
import { useRuleMutations } from "./use-rule-mutations";
import type { useRecompute } from "./use-recompute";

type Props = { canEdit: boolean; recompute: ReturnType<typeof useRecompute> };

export function RulesCard({ canEdit, recompute }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const rules = useQuery(trpc.scoring.rules.list.queryOptions());
  const rescore = () => void recompute.start();
  const { toggle, remove, move } = useRuleMutations(rescore);
  const [editing, setEditing] = useState<ScoringRuleOutput | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [deleting, setDeleting] = useState<ScoringRuleOutput | null>(null);
  const list = rules.data ?? [];

  const openForm = (rule: ScoringRuleOutput | null) => {
    setEditing(rule);
    setFormOpen(true);
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("scoring.rules.title")}</CardTitle>
        <CardDescription>{t("scoring.rules.description")}</CardDescription>
        {canEdit && list.length > 0 && (
          <CardAction className="flex flex-wrap justify-end gap-2">
            <Button variant="outline" onClick={rescore} disabled={recompute.running} data-testid="recompute-scores">
              <RefreshCwIcon aria-hidden className={recompute.running ? "animate-spin" : undefined} />
              {t("scoring.recompute.button")}
            </Button>
            <Button onClick={() => openForm(null)} data-testid="new-rule">
              <PlusIcon aria-hidden />
              {t("scoring.rules.add")}
            </Button>
          </CardAction>
        )}
      </CardHeader>
      <CardContent className="grid gap-4">
        <RecomputeBar state={recompute} />
        {rules.isError ? (
          <LoadError onRetry={() => void rules.refetch()} />
        ) : rules.isPending ? (
          <div className="grid gap-2" aria-busy="true" aria-label={t("common.loading")}>
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} className="h-10 w-full" />
            ))}
          </div>
        ) : list.length === 0 ? (
          <RulesEmptyState canEdit={canEdit} onApplied={rescore} />
        ) : (
          <div className="overflow-x-auto rounded-md border">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead className="w-10 text-right">#</TableHead>
                  <TableHead>{t("scoring.rules.name")}</TableHead>
                  <TableHead>{t("scoring.rules.condition")}</TableHead>
                  <TableHead className="text-right">{t("scoring.rules.points")}</TableHead>
                  <TableHead>{t("scoring.rules.enabled")}</TableHead>
                  {canEdit && (
                    <TableHead className="w-12">
                      <span className="sr-only">{t("common.actions")}</span>
                    </TableHead>
                  )}
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.map((rule, index) => (
                  <RuleRow
                    key={rule.id}
                    rule={rule}
                    index={index}
                    count={list.length}
                    canEdit={canEdit}
                    onToggle={(enabled) => toggle.mutate({ id: rule.id, enabled })}
                    onEdit={() => openForm(rule)}
                    onMove={(delta) => move(list, rule.id, delta)}
                    onDelete={() => setDeleting(rule)}
                  />
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </CardContent>
      {canEdit && (
        <>
          <RuleFormDialog open={formOpen} onOpenChange={setFormOpen} rule={editing} onSaved={rescore} />
          <DeleteRuleDialog
            rule={deleting}
            onCancel={() => setDeleting(null)}
            onConfirm={(rule) => {
              setDeleting(null);
              remove.mutate({ id: rule.id });
            }}
          />
        </>
      )}
    </Card>
  );
}
