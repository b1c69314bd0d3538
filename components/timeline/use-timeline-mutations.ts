"use client";

import { useMutation, useQueryClient, type InfiniteData, type QueryKey } from "@tanstack/react-query";
import { toast } from "sonner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { ActivityItem, ActivityPage } from "@/lib/schemas/activity";
import type { ComposerSubmission, FieldErrors } from "./timeline-composer";

type Me = { userId: string | null; name: string };
type ServerError = { message: string; data?: { fieldErrors?: Record<string, string[]> } | null };

const COMPOSER_FIELDS = ["body", "occurredAt", "outcome", "durationSec"] as const;

function fieldErrorsOf(error: ServerError): FieldErrors | null {
  const out: FieldErrors = {};
  for (const field of COMPOSER_FIELDS) {
    const message = error.data?.fieldErrors?.[field]?.[0];
    if (message) out[field] = message;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/**
 * New entries are put at the top of the cached first page before the server answers, and taken
 * out again if it refuses (the composer then gets its text back with the field errors).
 */
export function useTimelineMutations(leadId: string, queryKey: QueryKey, me: Me) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, tm } = useI18n();

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.activities.pathKey() });
    // Contacts move lastContactAt and every entry may rescore the lead.
    void queryClient.invalidateQueries({ queryKey: trpc.leads.get.queryKey({ id: leadId }) });
  };

  function replaceItem(id: string, saved: ActivityItem) {
    queryClient.setQueryData<InfiniteData<ActivityPage>>(queryKey, (data) =>
      data ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((i) => (i.id === id ? saved : i)) })) } : data,
    );
  }

  async function insertOptimistic(entry: ComposerSubmission): Promise<{ before: InfiniteData<ActivityPage> | undefined; id: string }> {
    await queryClient.cancelQueries({ queryKey });
    const before = queryClient.getQueryData<InfiniteData<ActivityPage>>(queryKey);
    const data: Record<string, unknown> | null =
      entry.kind === "call" && "outcome" in entry && (entry.outcome || entry.durationSec !== undefined)
        ? { outcome: entry.outcome, durationSec: entry.durationSec }
        : null;
    const optimistic: ActivityItem = {
      id: `optimistic-${Date.now()}-${Math.random().toString(36).slice(2)}`,
      kind: entry.kind,
      body: entry.body ?? null,
      data,
      actorName: me.name,
      actorUserId: me.userId,
      occurredAt: ("occurredAt" in entry && entry.occurredAt) || new Date(),
      opportunity: null,
    };
    if (before) {
      const [first, ...rest] = before.pages;
      const items = [optimistic, ...(first?.items ?? [])].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime());
      queryClient.setQueryData<InfiniteData<ActivityPage>>(queryKey, {
        ...before,
        pages: [{ items, nextCursor: first?.nextCursor ?? null }, ...rest],
      });
    }
    return { before, id: optimistic.id };
  }

  const addNote = useMutation(trpc.activities.addNote.mutationOptions({ onSettled: refresh }));
  const log = useMutation(trpc.activities.log.mutationOptions({ onSettled: refresh }));

  /** Resolves to field errors for the composer, or nothing when the entry was saved. */
  async function submit(entry: ComposerSubmission): Promise<FieldErrors | void> {
    const { before, id } = await insertOptimistic(entry);
    try {
      const saved =
        entry.kind === "note"
          ? await addNote.mutateAsync({ leadId, body: entry.body ?? "" })
          : await log.mutateAsync(entry as Parameters<typeof log.mutateAsync>[0]);
      replaceItem(id, saved);
    } catch (error) {
      queryClient.setQueryData(queryKey, before);
      const fields = fieldErrorsOf(error as ServerError);
      if (!fields) toast.error(tm((error as ServerError).message));
      return fields ?? {};
    }
  }

  const deleteNote = useMutation(
    trpc.activities.deleteNote.mutationOptions({
      onMutate: async ({ id }) => {
        await queryClient.cancelQueries({ queryKey });
        const before = queryClient.getQueryData<InfiniteData<ActivityPage>>(queryKey);
        if (before) {
          queryClient.setQueryData<InfiniteData<ActivityPage>>(queryKey, {
            ...before,
            pages: before.pages.map((p) => ({ ...p, items: p.items.filter((i) => i.id !== id) })),
          });
        }
        return before;
      },
      onError: (error, _vars, before) => {
        queryClient.setQueryData(queryKey, before);
        toast.error(tm(error.message));
      },
      onSuccess: () => toast.success(t("leadPage.timeline.noteDeleted")),
      onSettled: refresh,
    }),
  );

  return { submit, deleteNote };
}
