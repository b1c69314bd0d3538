"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeftIcon, DownloadIcon, PencilIcon, Trash2Icon, UploadIcon } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { DeckDeleteDialog } from "./deck-delete-dialog";
import { DeckKindBadge, OwnerLabel } from "./deck-kind-badge";
import { DeckRenameDialog } from "./deck-rename-dialog";
import { RateImportDialog } from "./rate-import-dialog";
import { RatesTab } from "./rates-tab";
import { VersionsTab } from "./versions-tab";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /tariffs/<id>: one deck — its rates (any version), its versions, import and export. */
export function DeckDetailView({ deckId }: { deckId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const deck = useQuery(trpc.admin.tariffs.decks.get.queryOptions({ id: deckId }));
  const [importing, setImporting] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const tab = params.get("tab") === "versions" ? "versions" : "rates";
  const viewing = UUID.test(params.get("version") ?? "") ? params.get("version") : null;
  // The tab and the version shown live in the address: a reload or a shared link opens the same view.
  const go = (next: { tab?: string; version?: string | null }) => {
    const query = new URLSearchParams();
    const nextTab = next.tab ?? tab;
    const nextVersion = next.version === undefined ? viewing : next.version;
    if (nextTab !== "rates") query.set("tab", nextTab);
    if (nextVersion && nextTab === "rates") query.set("version", nextVersion);
    router.replace(query.size > 0 ? `${pathname}?${query}` : pathname, { scroll: false });
  };

  const back = (
    <Button asChild variant="ghost" size="sm" className="w-fit">
      <Link href="/tariffs">
        <ArrowLeftIcon aria-hidden /> {t("tariffs.detail.back")}
      </Link>
    </Button>
  );
  if (deck.isError) {
    const missing = deck.error.data?.code === "NOT_FOUND";
    return (
      <div className="mx-auto flex max-w-7xl flex-col gap-4">
        {back}
        <div role="alert" className="flex flex-col items-center gap-3 rounded-xl border p-10 text-center">
          <p>{missing ? t("tariffs.detail.notFound") : t("tariffs.detail.loadError")}</p>
          {!missing && (
            <Button variant="outline" onClick={() => void deck.refetch()}>
              {t("common.retry")}
            </Button>
          )}
        </div>
      </div>
    );
  }
  const data = deck.data;
  if (!data) {
    return (
      <div className="mx-auto flex max-w-7xl flex-col gap-4" aria-busy>
        {back}
        <Skeleton className="h-9 w-96" />
        <Skeleton className="h-5 w-72" />
        <Skeleton className="h-96 w-full" />
      </div>
    );
  }

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      {back}
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight" data-testid="deck-name">
              {data.name}
            </h1>
            <DeckKindBadge kind={data.kind} />
          </div>
          <p className="text-sm">
            <span className="text-muted-foreground">{t("tariffs.detail.usedFor")}: </span>
            <OwnerLabel owner={data.owner} />
          </p>
          <p className="text-sm text-muted-foreground">
            {t("tariffs.detail.currentVersion")}:{" "}
            <span className="font-medium text-foreground">
              {data.currentVersion ? t("tariffs.versionShort", { number: data.currentVersion.number }) : "—"}
            </span>{" "}
            · {t("tariffs.detail.rateCount", { count: new Intl.NumberFormat(locale).format(data.rateCount) })}
          </p>
        </div>
        <div className="flex flex-wrap gap-2" role="group" aria-label={t("tariffs.detail.actions")}>
          <Button onClick={() => setImporting(true)}>
            <UploadIcon aria-hidden /> {t("tariffs.detail.import")}
          </Button>
          <Button asChild variant="outline">
            <a href={`/api/admin/tariffs/${data.id}/export`} download>
              <DownloadIcon aria-hidden /> {t("tariffs.detail.export")}
            </a>
          </Button>
          <Button variant="outline" onClick={() => setRenaming(true)}>
            <PencilIcon aria-hidden /> {t("tariffs.detail.rename")}
          </Button>
          <Button variant="outline" className="text-destructive" onClick={() => setDeleting(true)}>
            <Trash2Icon aria-hidden /> {t("tariffs.detail.delete")}
          </Button>
        </div>
      </div>

      <Tabs value={tab} onValueChange={(next) => go({ tab: next })}>
        <TabsList>
          <TabsTrigger value="rates">{t("tariffs.detail.tabRates")}</TabsTrigger>
          <TabsTrigger value="versions">{t("tariffs.detail.tabVersions")}</TabsTrigger>
        </TabsList>
        <TabsContent value="rates" className="pt-2">
          <RatesTab key={viewing ?? "current"} deck={data} versionId={viewing} onShowVersion={(version) => go({ tab: "rates", version })} />
        </TabsContent>
        <TabsContent value="versions" className="pt-2">
          <VersionsTab deck={data} onView={(version) => go({ tab: "rates", version })} />
        </TabsContent>
      </Tabs>

      <RateImportDialog deck={data} open={importing} onOpenChange={setImporting} onImported={() => go({ tab: "rates", version: null })} />
      <DeckRenameDialog deck={renaming ? data : null} onClose={() => setRenaming(false)} />
      <DeckDeleteDialog deck={deleting ? data : null} onClose={() => setDeleting(false)} onDeleted={() => router.push("/tariffs")} />
    </div>
  );
}
