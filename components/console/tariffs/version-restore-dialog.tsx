"use client";

import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/console/inventory/confirm-dialog";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { VersionView } from "@/lib/schemas/billing-tariffs";
import { useDeckRefresh } from "./use-deck-refresh";

type Props = { version: VersionView | null; onClose: () => void; onRestored?: () => void };

/** "Restore version N": a new version with its rates; nothing is deleted. */
export function VersionRestoreDialog({ version, onClose, onRestored }: Props) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const refresh = useDeckRefresh();
  const restore = useMutation(
    trpc.admin.tariffs.versions.restore.mutationOptions({
      onSuccess: async (result) => {
        toast.success(t("tariffs.versions.restored", { number: version?.number ?? "", new: result.version.number }));
        await refresh();
        onClose();
        onRestored?.();
      },
      onError: (error) => {
        toast.error(error.message);
        onClose();
      },
    }),
  );
  return (
    <ConfirmDialog
      open={version !== null}
      title={t("tariffs.versions.restoreTitle", { number: version?.number ?? "" })}
      body={t("tariffs.versions.restoreBody", {
        number: version?.number ?? "",
        count: new Intl.NumberFormat(locale).format(version?.rateCount ?? 0),
      })}
      confirmLabel={t("tariffs.versions.restore")}
      pending={restore.isPending}
      onCancel={onClose}
      onConfirm={() =>
        version && restore.mutate({ versionId: version.id, note: t("tariffs.versions.restoredNote", { number: version.number }) })
      }
    />
  );
}
