"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";

/** After a new version: the deck's header, its rates and its versions all change at once. */
export function useDeckRefresh(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.admin.tariffs.decks.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.admin.tariffs.rates.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.admin.tariffs.versions.pathKey() }),
    ]);
  }, [queryClient, trpc]);
}
