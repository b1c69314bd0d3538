"use client";

import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { toast } from "sonner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { BoardOutput } from "@/lib/schemas/pipeline";
import { moveCard, removeCard } from "./board-state";
import { requestCardFocus } from "./card-focus";

/**
 * Moves on the board show at once (the card jumps to its new column with the totals) and are undone
 * when the server refuses: the snapshot comes back and a toast gives the server's reason (already
 * translated, e.g. "moved or closed by someone else"). Either way the board is then refetched.
 */
export function useBoardMutations(boardKey: QueryKey) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useI18n();

  async function patch(change: (board: BoardOutput) => BoardOutput) {
    await queryClient.cancelQueries({ queryKey: boardKey });
    const snapshot = queryClient.getQueryData<BoardOutput>(boardKey);
    if (snapshot) queryClient.setQueryData<BoardOutput>(boardKey, change(snapshot));
    return { snapshot };
  }
  const rollback = (context: { snapshot?: BoardOutput } | undefined, message: string) => {
    if (context?.snapshot) queryClient.setQueryData(boardKey, context.snapshot);
    toast.error(message);
  };
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.pipelines.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.activities.pathKey() });
  };

  const move = useMutation(
    trpc.pipelines.opportunities.move.mutationOptions({
      onMutate: ({ id, toStageId }) => patch((board) => moveCard(board, id, toStageId, new Date())),
      onError: (error, input, context) => {
        requestCardFocus(input.id);
        rollback(context, error.message);
      },
      onSettled: refresh,
    }),
  );

  const closed = (message: string) => ({
    onMutate: ({ id }: { id: string }) => patch((board) => removeCard(board, id)),
    onError: (error: { message: string }, _input: unknown, context: { snapshot?: BoardOutput } | undefined) =>
      rollback(context, error.message),
    onSuccess: () => toast.success(message),
    onSettled: refresh,
  });
  const win = useMutation(trpc.pipelines.opportunities.win.mutationOptions(closed(t("pipelines.board.wonToast"))));
  const lose = useMutation(trpc.pipelines.opportunities.lose.mutationOptions(closed(t("pipelines.board.lostToast"))));

  return { move, win, lose };
}
