"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CheckIcon, PlusIcon, Trash2Icon } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { PipelineOutput } from "@/lib/schemas/pipeline";

type Props = { pipeline: PipelineOutput; pipelineCount: number; onPipelineChange: (id: string) => void };
type ServerError = { message: string; data?: { fieldErrors?: Record<string, string[]> } | null };

/** Rename this pipeline, start a new one (with the default stages) or delete this one. */
export function PipelineNameForm({ pipeline, pipelineCount, onPipelineChange }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const nameId = useId();
  const newId = useId();
  const [name, setName] = useState(pipeline.name);
  const [newName, setNewName] = useState<string | null>(null);
  const [error, setError] = useState<{ field: "name" | "new"; message: string } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  useEffect(() => setName(pipeline.name), [pipeline.name]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.pipelines.pathKey() });
  const fail = (field: "name" | "new") => (e: ServerError) => {
    const message = e.data?.fieldErrors?.name?.[0];
    if (message) setError({ field, message });
    else toast.error(e.message);
  };
  const rename = useMutation(
    trpc.pipelines.update.mutationOptions({
      onSuccess: () => toast.success(t("pipelines.editor.renamed")),
      onError: fail("name"),
      onSettled: refresh,
    }),
  );
  const create = useMutation(
    trpc.pipelines.create.mutationOptions({
      onSuccess: (created) => {
        toast.success(t("pipelines.editor.created", { name: created.name }));
        setNewName(null);
        onPipelineChange(created.id);
      },
      onError: fail("new"),
      onSettled: refresh,
    }),
  );
  const remove = useMutation(
    trpc.pipelines.delete.mutationOptions({
      onSuccess: (deleted) => {
        toast.success(t("pipelines.editor.deleted", { name: deleted.name }));
        onPipelineChange("");
      },
      onError: (e) => toast.error(e.message),
      onSettled: refresh,
    }),
  );
  const message = (field: "name" | "new") => (error?.field === field ? error.message : null);

  return (
    <div className="grid gap-3">
      <form
        className="grid gap-1"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          if (!name.trim()) return setError({ field: "name", message: t("errors.required") });
          rename.mutate({ id: pipeline.id, data: { name } });
        }}
      >
        <Label htmlFor={nameId}>{t("pipelines.editor.pipelineName")}</Label>
        <div className="flex gap-2">
          <Input id={nameId} value={name} maxLength={80} aria-invalid={!!message("name")} onChange={(e) => setName(e.target.value)} />
          <Button type="submit" variant="outline" disabled={rename.isPending || name === pipeline.name}>
            <CheckIcon aria-hidden /> {t("common.save")}
          </Button>
          <Button
            type="button"
            variant="ghost"
            className="text-destructive"
            onClick={() => setConfirmDelete(true)}
            disabled={pipelineCount <= 1}
          >
            <Trash2Icon aria-hidden /> {t("pipelines.editor.deletePipeline")}
          </Button>
        </div>
        {message("name") && <p className="text-sm text-destructive">{message("name")}</p>}
      </form>
      {newName === null ? (
        <Button variant="outline" size="sm" className="justify-self-start" onClick={() => setNewName("")}>
          <PlusIcon aria-hidden /> {t("pipelines.editor.newPipeline")}
        </Button>
      ) : (
        <form
          className="grid gap-1"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            if (!newName.trim()) return setError({ field: "new", message: t("errors.required") });
            create.mutate({ name: newName });
          }}
        >
          <Label htmlFor={newId}>{t("pipelines.editor.newPipelineName")}</Label>
          <div className="flex gap-2">
            <Input
              id={newId}
              autoFocus
              value={newName}
              maxLength={80}
              aria-invalid={!!message("new")}
              onChange={(e) => setNewName(e.target.value)}
            />
            <Button type="submit" disabled={create.isPending}>
              {t("common.create")}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setNewName(null)}>
              {t("common.cancel")}
            </Button>
          </div>
          {message("new") && <p className="text-sm text-destructive">{message("new")}</p>}
        </form>
      )}
      <AlertDialog open={confirmDelete} onOpenChange={setConfirmDelete}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("pipelines.editor.deletePipelineTitle", { name: pipeline.name })}</AlertDialogTitle>
            <AlertDialogDescription>{t("pipelines.editor.deletePipelineBody")}</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{t("common.cancel")}</AlertDialogCancel>
            <AlertDialogAction variant="destructive" onClick={() => remove.mutate({ id: pipeline.id })}>
              {t("common.delete")}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
