"use client";

import { useEffect, useId, useState, type FormEvent } from "react";
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
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useI18n } from "@/components/providers/i18n-provider";

type NameDialogProps = {
  mode: "save" | "rename" | null;
  initialName: string;
  busy: boolean;
  /** A field error from the server (a name already taken), already translated. */
  serverError: string | null;
  onCancel: () => void;
  onSubmit: (name: string) => void;
};

export function ViewNameDialog({ mode, initialName, busy, serverError, onCancel, onSubmit }: NameDialogProps) {
  const { t } = useI18n();
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();
  useEffect(() => {
    if (mode) {
      setName(initialName);
      setError(null);
    }
  }, [mode, initialName]);
  useEffect(() => setError(serverError), [serverError]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === "") return setError(t("errors.required"));
    onSubmit(name.trim());
  }

  return (
    <Dialog open={mode !== null} onOpenChange={(open) => !open && !busy && onCancel()}>
      <DialogContent>
        <form onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{mode === "rename" ? t("leads.views.renameTitle") : t("leads.views.saveTitle")}</DialogTitle>
            <DialogDescription>{t("leads.views.saveDescription")}</DialogDescription>
          </DialogHeader>
          <div className="grid gap-2">
            <Label htmlFor={inputId}>{t("leads.views.nameLabel")}</Label>
            <Input
              id={inputId}
              autoFocus
              maxLength={60}
              value={name}
              placeholder={t("leads.views.namePlaceholder")}
              aria-invalid={Boolean(error)}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) => {
                setName(e.target.value);
                setError(null);
              }}
            />
            {error && (
              <p id={errorId} className="text-sm text-destructive">
                {error}
              </p>
            )}
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onCancel} disabled={busy}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={busy}>
              {busy ? t("common.loading") : t("common.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function DeleteViewDialog({ name, onCancel, onConfirm }: { name: string | null; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useI18n();
  return (
    <AlertDialog open={name !== null} onOpenChange={(open) => !open && onCancel()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{t("leads.views.deleteTitle", { name: name ?? "" })}</AlertDialogTitle>
          <AlertDialogDescription>{t("leads.views.deleteBody")}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{t("common.cancel")}</AlertDialogCancel>
          <AlertDialogAction variant="destructive" onClick={onConfirm}>
            {t("common.delete")}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
