"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PlusIcon, UsersIcon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-delete-dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LoadError } from "@/components/settings/load-error";
import { EditDeleteCell, UsedByCell } from "@/components/telephony/numbers/used-by-cells";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { RingGroupOutput } from "@/lib/schemas/numbers";
import { RingGroupDialog } from "./ring-group-dialog";

/** The tenant's ring groups; admins and owners edit, managers and support read. */
export function RingGroupsView({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.telephony.ringGroups.list.queryOptions());
  const [dialog, setDialog] = useState<{ group: RingGroupOutput | null } | null>(null);
  const [deleting, setDeleting] = useState<RingGroupOutput | null>(null);
  const listKey = trpc.telephony.ringGroups.list.queryKey();

  const remove = useMutation(
    trpc.telephony.ringGroups.delete.mutationOptions({
      // Optimistic: the row goes at once and comes back if the server refuses (e.g. a number started using it).
      onMutate: async ({ id }) => {
        await queryClient.cancelQueries({ queryKey: listKey });
        const snapshot = queryClient.getQueryData<RingGroupOutput[]>(listKey);
        queryClient.setQueryData<RingGroupOutput[]>(listKey, (rows) => rows?.filter((g) => g.id !== id));
        return { snapshot };
      },
      onError: (error, _vars, context) => {
        if (context?.snapshot) queryClient.setQueryData(listKey, context.snapshot);
        toast.error(error.message);
      },
      onSuccess: (group) => toast.success(t("numbers.ringGroups.deleted", { name: group.name })),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.telephony.pathKey() }),
    }),
  );

  return (
    <Card className="gap-4">
      <CardHeader className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1.5">
          <CardTitle>
            <h2 className="text-lg">{t("numbers.ringGroups.title")}</h2>
          </CardTitle>
          <CardDescription>{t("numbers.ringGroups.description")}</CardDescription>
        </div>
        {canEdit && (
          <Button onClick={() => setDialog({ group: null })} data-testid="new-ring-group">
            <PlusIcon aria-hidden /> {t("numbers.ringGroups.new")}
          </Button>
        )}
      </CardHeader>
      <CardContent className="px-0">
        {list.isError ? (
          <LoadError onRetry={() => void list.refetch()} />
        ) : list.data?.length === 0 ? (
          <div className="flex flex-col items-center gap-2 px-6 py-10 text-center" data-testid="ring-groups-empty">
            <UsersIcon className="size-8 text-muted-foreground" aria-hidden />
            <p className="font-medium">{t("numbers.ringGroups.empty")}</p>
            <p className="max-w-md text-sm text-muted-foreground">{t("numbers.ringGroups.emptyBody")}</p>
          </div>
        ) : (
          <Table data-testid="ring-groups-table">
            <TableHeader>
              <TableRow>
                <TableHead className="pl-6">{t("numbers.ringGroups.name")}</TableHead>
                <TableHead>{t("numbers.ringGroups.strategy")}</TableHead>
                <TableHead>{t("numbers.ringGroups.members")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("numbers.ringGroups.usedBy")}</TableHead>
                <TableHead className="w-24 pr-6">
                  <span className="sr-only">{t("common.actions")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.isPending &&
                [0, 1].map((i) => (
                  <TableRow key={i} aria-hidden>
                    <TableCell colSpan={5} className="px-6">
                      <Skeleton className="h-8 w-full" />
                    </TableCell>
                  </TableRow>
                ))}
              {list.data?.map((group) => (
                <TableRow key={group.id} data-testid="ring-group-row">
                  <TableCell className="pl-6 font-medium">{group.name}</TableCell>
                  <TableCell className="whitespace-nowrap">
                    {t(`numbers.ringGroups.strategies.${group.strategy}`)}
                    <div className="text-xs text-muted-foreground">
                      {group.strategy === "sequential"
                        ? t("numbers.ringGroups.ringSecondsEach", { seconds: group.ringSeconds })
                        : t("numbers.ringGroups.ringSecondsShort", { seconds: group.ringSeconds })}
                    </div>
                  </TableCell>
                  <TableCell>
                    <ol className="flex flex-wrap gap-1">
                      {group.members.map((m) => (
                        <li key={m.id}>
                          <Badge variant={m.enabled ? "secondary" : "outline"} title={m.name}>
                            {m.number} · {m.name}
                          </Badge>
                        </li>
                      ))}
                    </ol>
                  </TableCell>
                  <UsedByCell usedBy={group.usedBy} unusedLabel={t("numbers.ringGroups.unused")} />
                  {canEdit ? (
                    <EditDeleteCell
                      name={group.name}
                      usedBy={group.usedBy}
                      inUseMessage={(numbers) => t("numbers.ringGroups.inUseBody", { numbers })}
                      onEdit={() => setDialog({ group })}
                      onDelete={() => setDeleting(group)}
                    />
                  ) : (
                    <TableCell />
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
      <RingGroupDialog open={dialog !== null} group={dialog?.group ?? null} onOpenChange={(open) => !open && setDialog(null)} />
      <ConfirmDeleteDialog
        item={deleting}
        title={(group) => t("numbers.ringGroups.deleteTitle", { name: group.name })}
        description={t("numbers.ringGroups.deleteBody")}
        onCancel={() => setDeleting(null)}
        onConfirm={(group) => {
          setDeleting(null);
          remove.mutate({ id: group.id });
        }}
      />
    </Card>
  );
}
