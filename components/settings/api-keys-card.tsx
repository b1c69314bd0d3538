"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRoundIcon, LockIcon, PlusIcon } from "lucide-react";
import { useState } from "react";
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
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { ApiKeyList, ApiKeyOutput } from "@/lib/schemas/settings";
import { CreateApiKeyDialog } from "./create-api-key-dialog";
import { LoadError } from "./load-error";

export function ApiKeysCard({ workspaceOrigin }: { workspaceOrigin: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.settings.apiKeys.list.queryOptions());
  const planName = useQuery(trpc.settings.plan.get.queryOptions()).data?.plan.name ?? "";
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyOutput | null>(null);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const listKey = trpc.settings.apiKeys.list.queryKey();

  const revoke = useMutation(
    trpc.settings.apiKeys.revoke.mutationOptions({
      onMutate: async ({ id }) => {
        await queryClient.cancelQueries({ queryKey: listKey });
        const snapshot = queryClient.getQueryData<ApiKeyList>(listKey);
        queryClient.setQueryData<ApiKeyList>(listKey, (data) =>
          data ? { ...data, items: data.items.map((k) => (k.id === id ? { ...k, revokedAt: new Date() } : k)) } : data,
        );
        return { snapshot };
      },
      onError: (error, _vars, context) => {
        if (context?.snapshot) queryClient.setQueryData(listKey, context.snapshot);
        toast.error(error.message);
      },
      onSuccess: (key) => toast.success(t("settings.apiKeys.revoked", { name: key.name })),
      onSettled: () => queryClient.invalidateQueries({ queryKey: listKey }),
    }),
  );

  const data = list.data;
  return (
    <Card className="gap-4">
      <CardHeader className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1.5">
          <CardTitle>
            <h2 className="text-lg">{t("settings.apiKeys.title")}</h2>
          </CardTitle>
          <CardDescription>
            {t("settings.apiKeys.description")}{" "}
            <code className="rounded bg-muted px-1 py-0.5 text-xs">{`${workspaceOrigin}/api/trpc`}</code>
          </CardDescription>
        </div>
        {data?.apiAccess && (
          <Button onClick={() => setCreating(true)} data-testid="create-api-key">
            <PlusIcon aria-hidden /> {t("settings.apiKeys.create")}
          </Button>
        )}
      </CardHeader>
      <CardContent className="flex flex-col gap-4 px-0">
        {data && !data.apiAccess && (
          <div
            role="status"
            className="mx-6 flex items-start gap-3 rounded-md border border-warning/40 bg-warning/10 p-4 text-sm"
            data-testid="api-access-missing"
          >
            <LockIcon className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden />
            <div>
              <p className="font-medium">{t("settings.apiKeys.noAccessTitle")}</p>
              <p className="text-muted-foreground">{t("settings.apiKeys.noAccessBody", { plan: planName })}</p>
            </div>
          </div>
        )}
        {list.isError ? (
          <LoadError onRetry={() => void list.refetch()} />
        ) : data && data.items.length === 0 ? (
          <div className="flex flex-col items-center gap-2 px-6 py-6 text-center text-muted-foreground" data-testid="api-keys-empty">
            <KeyRoundIcon className="size-8" aria-hidden />
            {t("settings.apiKeys.empty")}
          </div>
        ) : (
          <Table data-testid="api-keys-table">
            <TableHeader>
              <TableRow>
                <TableHead className="pl-6">{t("settings.apiKeys.name")}</TableHead>
                <TableHead>{t("settings.apiKeys.prefix")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("settings.apiKeys.created")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("settings.apiKeys.lastUsed")}</TableHead>
                <TableHead>{t("settings.apiKeys.status")}</TableHead>
                <TableHead className="w-24 pr-6">
                  <span className="sr-only">{t("common.actions")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {!data && (
                <TableRow aria-hidden>
                  <TableCell colSpan={6} className="px-6">
                    <Skeleton className="h-8 w-full" />
                  </TableCell>
                </TableRow>
              )}
              {data?.items.map((key) => (
                <TableRow key={key.id} data-testid="api-key-row" className={key.revokedAt ? "text-muted-foreground" : undefined}>
                  <TableCell className="pl-6 font-medium">{key.name}</TableCell>
                  <TableCell className="font-mono text-xs">{`lk_${key.prefix}_…`}</TableCell>
                  <TableCell className="hidden whitespace-nowrap md:table-cell">
                    {date.format(key.createdAt)}
                    {key.createdBy && (
                      <div className="text-xs text-muted-foreground">{t("settings.apiKeys.createdBy", { name: key.createdBy })}</div>
                    )}
                  </TableCell>
                  <TableCell className="hidden whitespace-nowrap md:table-cell">
                    {key.lastUsedAt ? date.format(key.lastUsedAt) : t("settings.apiKeys.never")}
                  </TableCell>
                  <TableCell>
                    {key.revokedAt ? (
                      <Badge variant="outline">{t("settings.apiKeys.revokedOn", { date: date.format(key.revokedAt) })}</Badge>
                    ) : (
                      <Badge variant="success">{t("settings.apiKeys.active")}</Badge>
                    )}
                  </TableCell>
                  <TableCell className="pr-6 text-right">
                    {!key.revokedAt && (
                      <Button
                        variant="outline"
                        size="sm"
                        onClick={() => setRevoking(key)}
                        aria-label={`${t("settings.apiKeys.revoke")}: ${key.name} (lk_${key.prefix}_…)`}
                      >
                        {t("settings.apiKeys.revoke")}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>

      <CreateApiKeyDialog open={creating} onOpenChange={setCreating} />
      <AlertDialog open={revoking !== null} onOpenChange={(open) => !open && setRevoking(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("settings.apiKeys.revokeTitle", { name: revoking?.name ?? "" })}</AlertDialogTitle>
            <AlertDialogDescription>
              {t("settings.apiKeys.revokeBody", { prefix: revoking ? `lk_${revoking.prefix}_…` : "" })}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{t("common.cancel")}</AlertDialogCancel>
            <AlertDialogAction
              variant="destructive"
              onClick={() => {
                if (revoking) revoke.mutate({ id: revoking.id });
                setRevoking(null);
              }}
            >
              {t("settings.apiKeys.revoke")}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </Card>
  );
}
