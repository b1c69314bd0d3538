"use client";

import { useQuery } from "@tanstack/react-query";
import { PhoneIcon, PlusIcon, SearchIcon, UsersIcon } from "lucide-react";
import { useState } from "react";
import { useDebounced } from "@/components/leads/use-debounced";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-delete-dialog";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { ExtensionOutput, ExtensionWithSecret } from "@/lib/schemas/extension";
import { ConfirmActionDialog } from "./confirm-action-dialog";
import { ExtensionFormDialog } from "./extension-form-dialog";
import { ExtensionsTable } from "./extensions-table";
import { SecretOnceDialog, type IssuedSecret } from "./secret-once-dialog";
import { useExtensionActions } from "./use-extension-actions";

const issued = (list: ExtensionWithSecret[]): IssuedSecret[] =>
  list.map(({ extension, secret }) => ({ label: extension.number, username: extension.endpoint, secret }));

/** /telephony/extensions: the tenant's SIP extensions. Admins change them; managers and support read. */
export function ExtensionsView({ canManage }: { canManage: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), 250);
  const list = useQuery({ ...trpc.telephony.extensions.list.queryOptions(q ? { q } : undefined), placeholderData: (previous) => previous });
  const usage = useQuery(trpc.telephony.extensions.usage.queryOptions());
  const options = useQuery({ ...trpc.telephony.extensions.formOptions.queryOptions(), enabled: canManage });
  const [editing, setEditing] = useState<{ extension: ExtensionOutput | null } | null>(null);
  const [deleting, setDeleting] = useState<ExtensionOutput | null>(null);
  const [regenerating, setRegenerating] = useState<ExtensionOutput | null>(null);
  const [askAll, setAskAll] = useState(false);
  const [secrets, setSecrets] = useState<IssuedSecret[] | null>(null);
  const actions = useExtensionActions({ onSecrets: (list) => setSecrets(issued(list)) });

  const without = options.data?.membersWithoutExtension ?? [];
  const full = usage.data ? usage.data.used >= usage.data.limit : false;

  return (
    <section className="flex flex-col gap-4" aria-labelledby="extensions-heading">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <div className="flex items-center gap-2">
            <h2 id="extensions-heading" className="text-lg font-semibold">
              {t("telephony.extensions.heading")}
            </h2>
            {usage.data && (
              <Badge variant={full ? "warning" : "secondary"} data-testid="extensions-usage">
                {t("telephony.extensions.usage", usage.data)}
              </Badge>
            )}
          </div>
          <p className="text-sm text-muted-foreground">{t("telephony.extensions.description")}</p>
        </div>
        {canManage && (
          <div className="flex flex-wrap gap-2">
            <Button variant="outline" onClick={() => setAskAll(true)} disabled={actions.creatingForAll || without.length === 0}>
              <UsersIcon aria-hidden /> {t("telephony.extensions.createForAll")}
            </Button>
            <Button onClick={() => setEditing({ extension: null })}>
              <PlusIcon aria-hidden /> {t("telephony.extensions.new")}
            </Button>
          </div>
        )}
      </div>
      {!canManage && <p className="text-sm text-muted-foreground">{t("telephony.extensions.readOnly")}</p>}

      <div className="relative max-w-sm">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
        <Input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t("telephony.extensions.searchPlaceholder")}
          aria-label={t("telephony.extensions.searchPlaceholder")}
          className="pl-8"
          maxLength={80}
        />
      </div>

      {list.isError ? (
        <div role="alert" className="flex flex-col items-center gap-3 rounded-xl border p-10 text-center">
          <p>{t("telephony.extensions.loadError")}</p>
          <Button variant="outline" onClick={() => void list.refetch()}>
            {t("common.retry")}
          </Button>
        </div>
      ) : !list.data ? (
        <div className="flex flex-col gap-2" aria-busy>
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} className="h-12" />
          ))}
        </div>
      ) : list.data.length === 0 ? (
        <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed p-10 text-center">
          <PhoneIcon className="size-8 text-muted-foreground" aria-hidden />
          <p className="font-medium">{q ? t("telephony.extensions.noMatches") : t("telephony.extensions.empty")}</p>
          {!q && canManage && <p className="text-sm text-muted-foreground">{t("telephony.extensions.emptyHint")}</p>}
        </div>
      ) : (
        <ExtensionsTable
          extensions={list.data}
          canManage={canManage}
          onEdit={(extension) => setEditing({ extension })}
          onToggle={actions.setEnabled}
          onRegenerate={setRegenerating}
          onDelete={setDeleting}
        />
      )}

      {canManage && (
        <>
          <ExtensionFormDialog
            open={editing !== null}
            onOpenChange={(open) => !open && setEditing(null)}
            extension={editing?.extension ?? null}
            onCreated={(created) => setSecrets(issued([created]))}
          />
          <ConfirmDeleteDialog
            item={deleting}
            title={(ext) => t("telephony.extensions.deleteTitle", { number: ext.number })}
            description={t("telephony.extensions.deleteDescription")}
            onCancel={() => setDeleting(null)}
            onConfirm={(ext) => {
              setDeleting(null);
              actions.remove(ext);
            }}
          />
          <ConfirmActionDialog
            open={regenerating !== null}
            title={regenerating ? t("telephony.extensions.regenerateTitle", { number: regenerating.number }) : ""}
            description={t("telephony.extensions.regenerateDescription")}
            confirmLabel={t("telephony.extensions.regenerateConfirm")}
            onCancel={() => setRegenerating(null)}
            onConfirm={() => {
              if (regenerating) actions.regenerate(regenerating);
              setRegenerating(null);
            }}
          />
          <ConfirmActionDialog
            open={askAll}
            title={t("telephony.extensions.createForAllTitle")}
            description={t("telephony.extensions.createForAllDescription", {
              count: without.length,
              names: without.map((m) => m.name).join(", "),
            })}
            confirmLabel={t("telephony.extensions.createForAllConfirm", { count: without.length })}
            onCancel={() => setAskAll(false)}
            onConfirm={() => {
              setAskAll(false);
              actions.createForAll();
            }}
          />
          <SecretOnceDialog
            title={secrets && secrets.length > 1 ? t("telephony.extensions.secret.titleMany") : t("telephony.extensions.secret.title")}
            secrets={secrets}
            onClose={() => setSecrets(null)}
          />
        </>
      )}
    </section>
  );
}
