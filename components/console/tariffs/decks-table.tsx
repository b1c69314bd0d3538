"use client";

import { MoreHorizontalIcon, PencilIcon, Trash2Icon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { SkeletonRows } from "@/components/console/inventory/list-states";
import { useI18n } from "@/components/providers/i18n-provider";
import type { DeckSummary } from "@/lib/schemas/billing-tariffs";
import { DeckKindBadge, OwnerLabel } from "./deck-kind-badge";

type Props = {
  decks: DeckSummary[] | undefined;
  pageSize: number;
  onRename: (deck: DeckSummary) => void;
  onDelete: (deck: DeckSummary) => void;
};

export function DecksTable({ decks, pageSize, onRename, onDelete }: Props) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  return (
    <Table data-testid="decks-table">
      <TableHeader>
        <TableRow>
          <TableHead>{t("tariffs.list.name")}</TableHead>
          <TableHead>{t("tariffs.list.kind")}</TableHead>
          <TableHead className="hidden md:table-cell">{t("tariffs.list.owner")}</TableHead>
          <TableHead className="text-right">{t("tariffs.list.version")}</TableHead>
          <TableHead className="text-right">{t("tariffs.list.rates")}</TableHead>
          <TableHead className="hidden lg:table-cell">{t("tariffs.list.updated")}</TableHead>
          <TableHead className="w-12">
            <span className="sr-only">{t("common.actions")}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {!decks && <SkeletonRows rows={Math.min(pageSize, 6)} columns={7} />}
        {decks?.map((deck) => (
          <TableRow key={deck.id} data-testid="deck-row">
            <TableCell className="font-medium">
              <Link
                href={`/tariffs/${deck.id}`}
                className="underline-offset-4 hover:underline focus-visible:underline focus-visible:outline-none"
              >
                {deck.name}
              </Link>
              <div className="text-xs text-muted-foreground md:hidden">
                <OwnerLabel owner={deck.owner} />
              </div>
            </TableCell>
            <TableCell>
              <DeckKindBadge kind={deck.kind} />
            </TableCell>
            <TableCell className="hidden text-sm md:table-cell">
              <OwnerLabel owner={deck.owner} />
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {deck.currentVersion ? t("tariffs.versionShort", { number: deck.currentVersion.number }) : t("tariffs.list.noVersion")}
            </TableCell>
            <TableCell className="text-right tabular-nums">{number.format(deck.rateCount)}</TableCell>
            <TableCell className="hidden text-sm text-muted-foreground lg:table-cell">{date.format(deck.updatedAt)}</TableCell>
            <TableCell>
              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button variant="ghost" size="icon" aria-label={`${t("common.actions")}: ${deck.name}`}>
                    <MoreHorizontalIcon aria-hidden />
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="end">
                  <DropdownMenuItem asChild>
                    <Link href={`/tariffs/${deck.id}`}>{t("tariffs.list.open")}</Link>
                  </DropdownMenuItem>
                  <DropdownMenuItem onSelect={() => onRename(deck)}>
                    <PencilIcon aria-hidden /> {t("tariffs.list.rename")}
                  </DropdownMenuItem>
                  <DropdownMenuSeparator />
                  <DropdownMenuItem variant="destructive" onSelect={() => onDelete(deck)}>
                    <Trash2Icon aria-hidden /> {t("common.delete")}
                  </DropdownMenuItem>
                </DropdownMenuContent>
              </DropdownMenu>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
