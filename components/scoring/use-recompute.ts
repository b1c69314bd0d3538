"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";

export type RecomputeState = { running: boolean; processed: number; total: number };

/**
 * Recomputes every lead's score one server batch at a time (scoring.recompute), reporting
 * progress. A request made while a pass is running queues one more full pass, so the last rule
 * change is always the one the scores reflect.
 */
export function useRecompute() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useI18n();
  const step = useMutation(trpc.scoring.recompute.mutationOptions());
  const [state, setState] = useState<RecomputeState>({ running: false, processed: 0, total: 0 });
  const running = useRef(false);
  const again = useRef(false);
  const mounted = useRef(true);
  const { mutateAsync } = step;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const start = useCallback(async () => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    setState({ running: true, processed: 0, total: 0 });
    let total = 0;
    try {
      do {
        again.current = false;
        let cursor: string | null = null;
        for (;;) {
          const progress = await mutateAsync({ cursor });
          total = progress.total;
          if (!mounted.current) return;
          setState({ running: true, processed: progress.processed, total: progress.total });
          if (progress.done) break;
          cursor = progress.nextCursor;
        }
      } while (again.current && mounted.current);
      toast.success(t("scoring.recompute.done", { total }));
    } catch (error) {
      toast.error(error instanceof Error && error.message ? error.message : t("scoring.recompute.failed"));
    } finally {
      running.current = false;
      if (mounted.current) setState((s) => ({ ...s, running: false }));
      void queryClient.invalidateQueries({ queryKey: trpc.scoring.distribution.queryKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.leads.pathKey() });
    }
  }, [mutateAsync, queryClient, t, trpc]);

  return { ...state, start };
}
