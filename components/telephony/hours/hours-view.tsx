"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ClockIcon, PlusIcon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-delete-dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LoadError } from "@/components/settings/load-error";
import { EditDeleteCell, UsedByCell } from "@/components/telephony/numbers/used-by-cells";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { BusinessHoursOutput } from "@/lib/schemas/numbers";
import type { Weekday } from "@/lib/telephony/allow-list";
import { HoursDialog } from "./hours-dialog";
import { summarizeRules } from "./hours-summary";
import { OpenNowBadge } from "./open-now-badge";

/** The tenant's business hours with an "open now" badge; admins and owners edit, managers and support read. */
export function HoursView({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.telephony.businessHours.list.queryOptions());
  const [dialog, setDialog] = useState<{ hours: BusinessHoursOutput | null } | null>(null);
  const [deleting, setDeleting] = useState<BusinessHoursOutput | null>(null);
  const listKey = trpc.telephony.businessHours.list.queryKey();

  const remove = useMutation(
    trpc.telephony.businessHours.delete.mutationOptions({
      onMutate: async ({ id }) => {
        await queryClient.cancelQueries({ queryKey: listKey });
        const snapshot = queryClient.getQueryData<BusinessHoursOutput[]>(listKey);
        queryClient.setQueryData<BusinessHoursOutput[]>(listKey, (rows) => rows?.filter((h) => h.id !== id));
        return { snapshot };
      },
      onError: (error, _vars, context) => {
        if (context?.snapshot) queryClient.setQueryData(listKey, context.snapshot);
        toast.error(error.message);
      },
      onSuccess: (hours) => toast.success(t("numbers.hours.deleted", { name: hours.name })),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.telephony.pathKey() }),
    }),
  );

  const day = (d: Weekday) => t(`numbers.weekdaysShort.${d}`);
  return (
    <Card className="gap-4">
      <CardHeader className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1.5">
          <CardTitle>
            <h2 className="text-lg">{t("numbers.hours.title")}</h2>
          </CardTitle>
          <CardDescription>{t("numbers.hours.description")}</CardDescription>
        </div>
        {canEdit && (
          <Button onClick={() => setDialog({ hours: null })} data-testid="new-hours">
            <PlusIcon aria-hidden /> {t("numbers.hours.new")}
          </Button>
        )}
      </CardHeader>
      <CardContent className="px-0">
        {list.isError ? (
          <LoadError onRetry={() => void list.refetch()} />
        ) : list.data?.length === 0 ? (
          <div className="flex flex-col items-center gap-2 px-6 py-10 text-center" data-testid="hours-empty">
            <ClockIcon className="size-8 text-muted-foreground" aria-hidden />
            <p className="font-medium">{t("numbers.hours.empty")}</p>
            <p className="max-w-md text-sm text-muted-foreground">{t("numbers.hours.emptyBody")}</p>
          </div>
        ) : (
          <Table data-testid="hours-table">
            <TableHeader>
              <TableRow>
                <TableHead className="pl-6">{t("numbers.hours.name")}</TableHead>
                <TableHead>{t("numbers.hours.rules")}</TableHead>
                <TableHead className="hidden lg:table-cell">{t("numbers.hours.timezone")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("numbers.hours.usedBy")}</TableHead>
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
              {list.data?.map((hours) => (
                <TableRow key={hours.id} data-testid="hours-row">
                  <TableCell className="pl-6">
                    <div className="grid gap-1">
                      <span className="font-medium">{hours.name}</span>
                      <OpenNowBadge hours={hours} />
                    </div>
                  </TableCell>
                  <TableCell className="text-sm">{summarizeRules(hours.rules, day)}</TableCell>
                  <TableCell className="hidden text-sm text-muted-foreground lg:table-cell">
                    {t(`numbers.timezones.${hours.timezone.replace("/", "_") as "America_Sao_Paulo"}`)}
                  </TableCell>
                  <UsedByCell usedBy={hours.usedBy} unusedLabel={t("numbers.hours.unused")} />
                  {canEdit ? (
                    <EditDeleteCell
                      name={hours.name}
                      usedBy={hours.usedBy}
                      inUseMessage={(numbers) => t("numbers.hours.inUseBody", { numbers })}
                      onEdit={() => setDialog({ hours })}
                      onDelete={() => setDeleting(hours)}
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
      <HoursDialog open={dialog !== null} hours={dialog?.hours ?? null} onOpenChange={(open) => !open && setDialog(null)} />
      <ConfirmDeleteDialog
        item={deleting}
        title={(hours) => t("numbers.hours.deleteTitle", { name: hours.name })}
        description={t("numbers.hours.deleteBody")}
        onCancel={() => setDeleting(null)}
        onConfirm={(hours) => {
          setDeleting(null);
          remove.mutate({ id: hours.id });
        }}
      />
    </Card>
  );
}
