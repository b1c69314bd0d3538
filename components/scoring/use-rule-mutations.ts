"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { ScoringRuleOutput } from "@/lib/schemas/scoring";

/**
 * Toggles, reorders and deletes show at once and roll back (with a toast) when the server refuses.
 * Every accepted change is followed by a recompute of the scores (`onRulesChanged`).
 */
export function useRuleMutations(onRulesChanged: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useI18n();
  const listKey = trpc.scoring.rules.list.queryKey();

  async function patch(change: (rules: ScoringRuleOutput[]) => ScoringRuleOutput[]) {
    await queryClient.cancelQueries({ queryKey: listKey });
    const snapshot = queryClient.getQueryData<ScoringRuleOutput[]>(listKey);
    if (snapshot) queryClient.setQueryData<ScoringRuleOutput[]>(listKey, change(snapshot));
    return snapshot;
  }
  const rollback = (snapshot: ScoringRuleOutput[] | undefined, message: string) => {
    if (snapshot) queryClient.setQueryData(listKey, snapshot);
    toast.error(message);
  };
  const settle = () => queryClient.invalidateQueries({ queryKey: listKey });

  const toggle = useMutation(
    trpc.scoring.rules.toggle.mutationOptions({
      onMutate: ({ id, enabled }) => patch((rules) => rules.map((r) => (r.id === id ? { ...r, enabled } : r))),
      onError: (error, _vars, snapshot) => rollback(snapshot, error.message),
      onSuccess: (rule) => {
        toast.success(t(rule.enabled ? "scoring.rules.enabledToast" : "scoring.rules.disabledToast"));
        onRulesChanged();
      },
      onSettled: settle,
    }),
  );

  const reorder = useMutation(
    trpc.scoring.rules.reorder.mutationOptions({
      onMutate: ({ ids }) =>
        patch((rules) =>
          ids.flatMap((id, position) => {
            const rule = rules.find((r) => r.id === id);
            return rule ? [{ ...rule, position }] : [];
          }),
        ),
      onError: (error, _vars, snapshot) => rollback(snapshot, error.message),
      onSuccess: () => {
        toast.success(t("scoring.rules.reordered"));
        onRulesChanged();
      },
      onSettled: settle,
    }),
  );

  const remove = useMutation(
    trpc.scoring.rules.delete.mutationOptions({
      onMutate: ({ id }) => patch((rules) => rules.filter((r) => r.id !== id)),
      onError: (error, _vars, snapshot) => rollback(snapshot, error.message),
      onSuccess: () => {
        toast.success(t("scoring.rules.deleted"));
        onRulesChanged();
      },
      onSettled: settle,
    }),
  );

  /** Moves a rule one place up (-1) or down (+1) in the evaluation order. */
  function move(rules: readonly ScoringRuleOutput[], id: string, delta: -1 | 1) {
    const ids = rules.map((r) => r.id);
    const from = ids.indexOf(id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    reorder.mutate({ ids });
  }

  return { toggle, remove, move, reordering: reorder.isPending };
}
