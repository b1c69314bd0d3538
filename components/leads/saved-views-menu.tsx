"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BookmarkIcon, CheckIcon, ChevronDownIcon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { LeadView, SavedFilterOutput } from "@/lib/schemas/lead-view";
import { cleanFilters } from "./lead-view-url";
import { DeleteViewDialog, ViewNameDialog } from "./saved-view-dialogs";

type Props = {
  /** What the list shows now; "save as" stores exactly this. */
  current: LeadView;
  viewId: string | null;
  onApply: (view: LeadView | null, id: string | null) => void;
  /** Support sessions read views they do not have: none, and no saving. */
  canSave: boolean;
};

function sameView(a: LeadView, b: LeadView): boolean {
  const norm = (v: LeadView) => JSON.stringify([cleanFilters(v.filters), v.sort, v.columns]);
  return norm(a) === norm(b);
}

export function SavedViewsMenu({ current, viewId, onApply, canSave }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const views = useQuery(trpc.leads.savedFilters.list.queryOptions(undefined, { enabled: canSave }));
  const [naming, setNaming] = useState<"save" | "rename" | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<SavedFilterOutput | null>(null);
  const active = views.data?.find((v) => v.id === viewId) ?? null;
  const modified = active !== null && !sameView(active.view, current);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.leads.savedFilters.list.queryKey() });
  const onError = (error: { message: string; data?: { fieldErrors?: Record<string, string[]> } | null }) => {
    const field = error.data?.fieldErrors?.name?.[0];
    if (field) setNameError(field);
    else toast.error(error.message);
  };
  const create = useMutation(
    trpc.leads.savedFilters.create.mutationOptions({
      onSuccess: (saved) => {
        toast.success(t("leads.views.saved"));
        setNaming(null);
        void refresh();
        onApply(saved.view, saved.id);
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.leads.savedFilters.update.mutationOptions({
      onSuccess: () => {
        toast.success(t("leads.views.updated"));
        setNaming(null);
        void refresh();
      },
      onError,
    }),
  );
  const remove = useMutation(
    trpc.leads.savedFilters.delete.mutationOptions({
      onSuccess: ({ id }) => {
        toast.success(t("leads.views.deleted"));
        void refresh();
        if (id === viewId) onApply(null, null);
      },
      onError,
    }),
  );

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" className="max-w-64" data-testid="views-menu">
            <BookmarkIcon aria-hidden />
            <span className="truncate">{active ? active.name : t("leads.views.button")}</span>
            {modified && <span className="text-xs text-muted-foreground">({t("leads.views.modified")})</span>}
            <ChevronDownIcon aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-64">
          <DropdownMenuItem onSelect={() => onApply(null, null)}>
            {viewId === null ? <CheckIcon aria-hidden /> : <span className="size-4" />} {t("leads.views.allLeads")}
          </DropdownMenuItem>
          {canSave && (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuLabel>{t("leads.views.mine")}</DropdownMenuLabel>
              {views.isError && <p className="px-2 py-1.5 text-sm text-destructive">{t("leads.views.loadError")}</p>}
              {views.data?.length === 0 && <p className="px-2 py-1.5 text-sm text-muted-foreground">{t("leads.views.none")}</p>}
              {views.data?.map((v) => (
                <DropdownMenuItem key={v.id} onSelect={() => onApply(v.view, v.id)}>
                  {v.id === viewId ? <CheckIcon aria-hidden /> : <span className="size-4" />}
                  <span className="truncate">{v.name}</span>
                </DropdownMenuItem>
              ))}
              <DropdownMenuSeparator />
              {active && modified && (
                <DropdownMenuItem onSelect={() => update.mutate({ id: active.id, data: { view: current } })}>
                  {t("leads.views.saveChanges")}
                </DropdownMenuItem>
              )}
              <DropdownMenuItem onSelect={() => (setNameError(null), setNaming("save"))}>{t("leads.views.saveAs")}</DropdownMenuItem>
              {active && (
                <>
                  <DropdownMenuItem onSelect={() => (setNameError(null), setNaming("rename"))}>{t("leads.views.rename")}</DropdownMenuItem>
                  <DropdownMenuItem variant="destructive" onSelect={() => setDeleting(active)}>
                    {t("leads.views.delete")}
                  </DropdownMenuItem>
                </>
              )}
            </>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      <ViewNameDialog
        mode={naming}
        initialName={naming === "rename" ? (active?.name ?? "") : ""}
        busy={create.isPending || update.isPending}
        serverError={nameError}
        onCancel={() => setNaming(null)}
        onSubmit={(name) => {
          setNameError(null);
          if (naming === "rename" && active) update.mutate({ id: active.id, data: { name } });
          else create.mutate({ name, view: current });
        }}
      />
      <DeleteViewDialog
        name={deleting?.name ?? null}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate({ id: deleting.id });
          setDeleting(null);
        }}
      />
    </>
  );
}
