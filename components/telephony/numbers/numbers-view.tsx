"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { ClockIcon, MoreHorizontalIcon, PhoneIncomingIcon, SearchIcon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-delete-dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LoadError } from "@/components/settings/load-error";
import { useDebounced } from "@/components/leads/use-debounced";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { TenantDidOutput } from "@/lib/schemas/numbers";
import { OpenNowBadge } from "../hours/open-now-badge";
import { DestinationText, destinationString } from "./destination-text";
import { DidRouteDialog } from "./did-route-dialog";

/** The tenant's DIDs and where each rings; admins and owners edit, managers and support read. */
export function NumbersView({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const debounced = useDebounced(search, 250);
  const [editing, setEditing] = useState<TenantDidOutput | null>(null);
  const [clearing, setClearing] = useState<TenantDidOutput | null>(null);
  const list = useInfiniteQuery(
    trpc.telephony.dids.list.infiniteQueryOptions(
      { search: debounced, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  const clear = useMutation(
    trpc.telephony.dids.clearRoute.mutationOptions({
      onSuccess: (did) => {
        toast.success(t("numbers.dids.cleared", { number: did.display }));
        void queryClient.invalidateQueries({ queryKey: trpc.telephony.pathKey() });
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  const emptyTenant = list.isSuccess && total === 0 && debounced.replace(/\D/g, "") === "";
  return (
    <Card className="gap-4">
      <CardHeader className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1.5">
          <CardTitle>
            <h2 className="text-lg">{t("numbers.dids.title")}</h2>
          </CardTitle>
          <CardDescription>{t("numbers.dids.description")}</CardDescription>
        </div>
        {!emptyTenant && (
          <div className="relative w-full sm:w-64">
            <SearchIcon className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
            <Input
              type="search"
              inputMode="tel"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder={t("numbers.dids.search")}
              aria-label={t("numbers.dids.search")}
              className="pl-8"
              maxLength={20}
            />
          </div>
        )}
      </CardHeader>
      <CardContent className="flex flex-col gap-3 px-0">
        {list.isError ? (
          <LoadError onRetry={() => void list.refetch()} />
        ) : emptyTenant ? (
          <div className="flex flex-col items-center gap-2 px-6 py-10 text-center" data-testid="numbers-empty">
            <PhoneIncomingIcon className="size-8 text-muted-foreground" aria-hidden />
            <p className="font-medium">{t("numbers.dids.empty")}</p>
            <p className="max-w-md text-sm text-muted-foreground">{t("numbers.dids.emptyBody")}</p>
          </div>
        ) : list.isSuccess && items.length === 0 ? (
          <p className="px-6 py-6 text-center text-muted-foreground">{t("numbers.dids.noMatch", { search: debounced })}</p>
        ) : (
          <Table data-testid="numbers-table">
            <TableHeader>
              <TableRow>
                <TableHead className="pl-6">{t("numbers.dids.number")}</TableHead>
                <TableHead>{t("numbers.dids.destination")}</TableHead>
                <TableHead>{t("numbers.dids.hours")}</TableHead>
                <TableHead className="w-16 pr-6">
                  <span className="sr-only">{t("common.actions")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.isPending &&
                [0, 1, 2].map((i) => (
                  <TableRow key={i} aria-hidden>
                    <TableCell colSpan={4} className="px-6">
                      <Skeleton className="h-8 w-full" />
                    </TableCell>
                  </TableRow>
                ))}
              {items.map((did) => (
                <TableRow key={did.id} data-testid="did-row">
                  <TableCell className="pl-6 font-medium whitespace-nowrap tabular-nums">{did.display}</TableCell>
                  <TableCell>
                    {did.route ? (
                      <div className="grid gap-0.5">
                        <DestinationText destination={did.route.destination} />
                        {did.route.afterHours && (
                          <span className="text-xs text-muted-foreground">
                            {t("numbers.dids.afterHours", { destination: destinationString(did.route.afterHours, t) })}
                          </span>
                        )}
                      </div>
                    ) : (
                      <div className="grid gap-0.5">
                        <Badge variant="warning">{t("numbers.dids.notRouted")}</Badge>
                        <span className="text-xs text-muted-foreground">{t("numbers.dids.notRoutedHint")}</span>
                      </div>
                    )}
                  </TableCell>
                  <TableCell>
                    {did.route?.businessHours ? (
                      <div className="flex flex-wrap items-center gap-2">
                        <span className="inline-flex items-center gap-1">
                          <ClockIcon className="size-3.5 text-muted-foreground" aria-hidden />
                          {did.route.businessHours.name}
                        </span>
                        <OpenNowBadge hours={did.route.businessHours} />
                      </div>
                    ) : (
                      <span className="text-muted-foreground">{t("numbers.dids.always")}</span>
                    )}
                  </TableCell>
                  <TableCell className="pr-6 text-right">
                    {canEdit && (
                      <DropdownMenu>
                        <DropdownMenuTrigger asChild>
                          <Button variant="ghost" size="icon" aria-label={`${t("common.actions")}: ${did.display}`}>
                            <MoreHorizontalIcon aria-hidden />
                          </Button>
                        </DropdownMenuTrigger>
                        <DropdownMenuContent align="end">
                          <DropdownMenuItem onSelect={() => setEditing(did)}>{t("numbers.dids.edit")}</DropdownMenuItem>
                          {did.route && (
                            <DropdownMenuItem variant="destructive" onSelect={() => setClearing(did)}>
                              {t("numbers.dids.clear")}
                            </DropdownMenuItem>
                          )}
                        </DropdownMenuContent>
                      </DropdownMenu>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {list.isSuccess && items.length > 0 && (
          <div className="flex items-center justify-between px-6 text-sm text-muted-foreground">
            <span>{t("numbers.dids.count", { count: total })}</span>
            {list.hasNextPage && (
              <Button variant="outline" size="sm" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                {list.isFetchingNextPage ? t("common.loading") : t("numbers.dids.loadMore")}
              </Button>
            )}
          </div>
        )}
      </CardContent>
      <DidRouteDialog did={editing} onOpenChange={(open) => !open && setEditing(null)} />
      <ConfirmDeleteDialog
        item={clearing}
        title={(did) => t("numbers.dids.clearTitle", { number: did.display })}
        description={t("numbers.dids.clearBody")}
        confirmLabel={t("numbers.dids.clearConfirm")}
        onCancel={() => setClearing(null)}
        onConfirm={(did) => {
          setClearing(null);
          clear.mutate({ didId: did.id });
        }}
      />
    </Card>
  );
}
