"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { DiffIcon, DownloadIcon, EyeIcon, MoreHorizontalIcon, UndoIcon } from "lucide-react";
import { useState } from "react";
import { EmptyState, LoadError, SkeletonRows } from "@/components/console/inventory/list-states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { DeckDetail, VersionView } from "@/lib/schemas/billing-tariffs";
import { VersionDiffDialog } from "./version-diff-dialog";
import { VersionRestoreDialog } from "./version-restore-dialog";

const CHANGE_BADGE = { created: "secondary", imported: "info", edited: "outline", restored: "warning" } as const;

/** Every version of the deck, newest first: what changed, who, when; view, compare, export, restore. */
export function VersionsTab({ deck, onView }: { deck: DeckDetail; onView: (versionId: string) => void }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const [comparing, setComparing] = useState<VersionView | null>(null);
  const [restoring, setRestoring] = useState<VersionView | null>(null);
  const list = useInfiniteQuery(
    trpc.admin.tariffs.versions.list.infiniteQueryOptions(
      { deckId: deck.id, limit: 20 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const versions = list.data?.pages.flatMap((p) => p.items);
  const number = new Intl.NumberFormat(locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" });

  return (
    <div className="flex flex-col gap-3">
      <Card className="gap-0 py-0" aria-busy={list.isFetching}>
        {list.isError ? (
          <LoadError onRetry={() => void list.refetch()} />
        ) : versions && versions.length === 0 ? (
          <EmptyState icon={DiffIcon} text={t("tariffs.versions.empty")} />
        ) : (
          <Table data-testid="versions-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("tariffs.versions.number")}</TableHead>
                <TableHead>{t("tariffs.versions.change")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("tariffs.versions.note")}</TableHead>
                <TableHead className="text-right">{t("tariffs.versions.rates")}</TableHead>
                <TableHead className="text-right">{t("tariffs.versions.changes")}</TableHead>
                <TableHead className="hidden lg:table-cell">{t("tariffs.versions.by")}</TableHead>
                <TableHead className="hidden sm:table-cell">{t("tariffs.versions.when")}</TableHead>
                <TableHead className="w-12">
                  <span className="sr-only">{t("common.actions")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {!versions && <SkeletonRows rows={4} columns={8} />}
              {versions?.map((version) => (
                <TableRow key={version.id} data-testid="version-row">
                  <TableCell className="font-medium whitespace-nowrap tabular-nums">
                    {t("tariffs.versionShort", { number: version.number })}
                    {version.current && (
                      <Badge variant="success" className="ml-2">
                        {t("tariffs.versions.current")}
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell>
                    <Badge variant={CHANGE_BADGE[version.change]}>{t(`tariffs.change.${version.change}`)}</Badge>
                  </TableCell>
                  <TableCell
                    className="hidden max-w-72 truncate text-sm text-muted-foreground md:table-cell"
                    title={version.note ?? undefined}
                  >
                    {version.note ?? "—"}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{number.format(version.rateCount)}</TableCell>
                  <TableCell className="text-right font-mono text-xs whitespace-nowrap">
                    <span className="text-success" title={t("tariffs.versions.addedTitle", { count: version.added })}>
                      +{number.format(version.added)}
                    </span>{" "}
                    <span className="text-warning" title={t("tariffs.versions.changedTitle", { count: version.changed })}>
                      ~{number.format(version.changed)}
                    </span>{" "}
                    <span className="text-destructive" title={t("tariffs.versions.removedTitle", { count: version.removed })}>
                      −{number.format(version.removed)}
                    </span>
                  </TableCell>
                  <TableCell className="hidden text-sm lg:table-cell">{version.createdBy?.name ?? "—"}</TableCell>
                  <TableCell className="hidden text-sm whitespace-nowrap text-muted-foreground sm:table-cell">
                    {date.format(version.createdAt)}
                  </TableCell>
                  <TableCell>
                    <DropdownMenu>
                      <DropdownMenuTrigger asChild>
                        <Button
                          variant="ghost"
                          size="icon"
                          aria-label={`${t("common.actions")}: ${t("tariffs.versionShort", { number: version.number })}`}
                        >
                          <MoreHorizontalIcon aria-hidden />
                        </Button>
                      </DropdownMenuTrigger>
                      <DropdownMenuContent align="end">
                        <DropdownMenuItem onSelect={() => onView(version.id)}>
                          <EyeIcon aria-hidden /> {t("tariffs.versions.view")}
                        </DropdownMenuItem>
                        {!version.current && (
                          <DropdownMenuItem onSelect={() => setComparing(version)}>
                            <DiffIcon aria-hidden /> {t("tariffs.versions.compare")}
                          </DropdownMenuItem>
                        )}
                        <DropdownMenuItem asChild>
                          <a href={`/api/admin/tariffs/${deck.id}/export?version=${version.id}`} download>
                            <DownloadIcon aria-hidden /> {t("tariffs.versions.export")}
                          </a>
                        </DropdownMenuItem>
                        {!version.current && (
                          <>
                            <DropdownMenuSeparator />
                            <DropdownMenuItem onSelect={() => setRestoring(version)}>
                              <UndoIcon aria-hidden /> {t("tariffs.versions.restore")}
                            </DropdownMenuItem>
                          </>
                        )}
                      </DropdownMenuContent>
                    </DropdownMenu>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {list.hasNextPage && (
          <div className="flex justify-center border-t p-3">
            <Button variant="outline" size="sm" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t("tariffs.versions.more")}
            </Button>
          </div>
        )}
      </Card>

      <VersionDiffDialog
        deckId={deck.id}
        versions={versions ?? []}
        from={comparing}
        to={deck.currentVersion?.id ?? null}
        onClose={() => setComparing(null)}
      />
      <VersionRestoreDialog version={restoring} onClose={() => setRestoring(null)} />
    </div>
  );
}
