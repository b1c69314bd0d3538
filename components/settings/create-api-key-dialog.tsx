"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { AlertTriangleIcon, CopyIcon } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useForm, type Path } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { ApiKeyCreateInput } from "@/lib/schemas/settings";
import { applyServerErrors } from "./apply-server-errors";
import { useCopy } from "./use-copy";

type FormInput = z.input<typeof ApiKeyCreateInput>;
type FormOutput = z.output<typeof ApiKeyCreateInput>;

/** Names a new key, then shows it in full exactly once; closing forgets it. */
export function CreateApiKeyDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const copy = useCopy();
  const keyInput = useRef<HTMLInputElement>(null);
  const [key, setKey] = useState<string | null>(null);
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(ApiKeyCreateInput), defaultValues: { name: "" } });

  useEffect(() => {
    if (open) {
      form.reset({ name: "" });
      setKey(null);
    }
  }, [open, form]);

  const create = useMutation(
    trpc.settings.apiKeys.create.mutationOptions({
      onSuccess: (result) => {
        setKey(result.key);
        toast.success(t("settings.apiKeys.createdToast", { name: result.apiKey.name }));
        void queryClient.invalidateQueries({ queryKey: trpc.settings.apiKeys.list.queryKey() });
      },
      onError: (error) => applyServerErrors((f, m) => form.setError(f as Path<FormInput>, { message: m }), error, ["name"]),
    }),
  );

  const close = () => {
    setKey(null);
    onOpenChange(false);
  };
  const onCopy = async () => {
    if (key && !(await copy(key, { ok: t("settings.apiKeys.copied"), failed: t("settings.invitations.copyFailed") })))
      keyInput.current?.select();
  };

  return (
    <Dialog open={open} onOpenChange={(next) => !create.isPending && (next ? onOpenChange(true) : close())}>
      <DialogContent className="sm:max-w-xl">
        {key ? (
          <>
            <DialogHeader>
              <DialogTitle>{t("settings.apiKeys.shownOnceTitle")}</DialogTitle>
              <DialogDescription className="flex items-start gap-2">
                <AlertTriangleIcon className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden />
                {t("settings.apiKeys.shownOnceBody")}
              </DialogDescription>
            </DialogHeader>
            <div className="flex gap-2">
              <Input
                ref={keyInput}
                readOnly
                value={key}
                aria-label={t("settings.apiKeys.shownOnceTitle")}
                className="font-mono text-xs"
                onFocus={(e) => e.currentTarget.select()}
                data-testid="api-key-secret"
              />
              <Button type="button" onClick={() => void onCopy()} autoFocus>
                <CopyIcon aria-hidden /> {t("settings.apiKeys.copy")}
              </Button>
            </div>
            <DialogFooter>
              <Button onClick={close}>{t("settings.apiKeys.copiedDone")}</Button>
            </DialogFooter>
          </>
        ) : (
          <>
            <DialogHeader>
              <DialogTitle>{t("settings.apiKeys.createTitle")}</DialogTitle>
              <DialogDescription>{t("settings.apiKeys.createDescription")}</DialogDescription>
            </DialogHeader>
            <Form {...form}>
              <form
                onSubmit={form.handleSubmit((values) => create.mutate(values))}
                noValidate
                className="grid gap-4"
                data-testid="api-key-form"
              >
                <FormField
                  control={form.control}
                  name="name"
                  render={({ field, fieldState }) => (
                    <FormItem>
                      <FormLabel>{t("settings.apiKeys.name")}</FormLabel>
                      <FormControl>
                        <Input autoFocus autoComplete="off" maxLength={80} {...field} />
                      </FormControl>
                      <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                    </FormItem>
                  )}
                />
                <DialogFooter>
                  <Button type="button" variant="outline" onClick={close} disabled={create.isPending}>
                    {t("common.cancel")}
                  </Button>
                  <Button type="submit" disabled={create.isPending}>
                    {create.isPending ? t("common.loading") : t("common.create")}
                  </Button>
                </DialogFooter>
              </form>
            </Form>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
