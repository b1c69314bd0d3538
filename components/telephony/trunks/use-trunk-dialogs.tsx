"use client";

import { useState } from "react";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-delete-dialog";
import { ConfirmActionDialog } from "@/components/telephony/extensions/confirm-action-dialog";
import { SecretOnceDialog, type IssuedSecret } from "@/components/telephony/extensions/secret-once-dialog";
import { useI18n } from "@/components/providers/i18n-provider";
import type { TrunkOutput, TrunkWithSecret } from "@/lib/schemas/trunk";
import { TrunkFormDialog, type TrunkFormOutput } from "./trunk-form-dialog";

type Operations = {
  save: (trunk: TrunkOutput | null, values: TrunkFormOutput) => Promise<TrunkWithSecret>;
  remove: (trunk: TrunkOutput) => void;
  regenerate: (trunk: TrunkOutput) => Promise<TrunkWithSecret>;
};

/**
 * The trunk dialogs (form, delete, new password, password shown once), shared by the tenant's page
 * and the console's card: they differ only in the procedures `operations` calls.
 */
export function useTrunkDialogs(operations: Operations, didOptions?: string[]) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<{ trunk: TrunkOutput | null } | null>(null);
  const [deleting, setDeleting] = useState<TrunkOutput | null>(null);
  const [regenerating, setRegenerating] = useState<TrunkOutput | null>(null);
  const [issued, setIssued] = useState<{ name: string; secrets: IssuedSecret[] } | null>(null);
  const show = ({ trunk, secret }: TrunkWithSecret) => {
    if (secret) setIssued({ name: trunk.name, secrets: [{ label: trunk.name, username: trunk.endpoint, secret }] });
  };

  const dialogs = (
    <>
      <TrunkFormDialog
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        trunk={editing?.trunk ?? null}
        didOptions={didOptions}
        onSubmit={async (values) => show(await operations.save(editing?.trunk ?? null, values))}
      />
      <ConfirmDeleteDialog
        item={deleting}
        title={(trunk) => t("telephony.trunks.deleteTitle", { name: trunk.name })}
        description={t("telephony.trunks.deleteDescription")}
        onCancel={() => setDeleting(null)}
        onConfirm={(trunk) => {
          setDeleting(null);
          operations.remove(trunk);
        }}
      />
      <ConfirmActionDialog
        open={regenerating !== null}
        title={regenerating ? t("telephony.trunks.regenerateTitle", { name: regenerating.name }) : ""}
        description={t("telephony.trunks.regenerateDescription")}
        confirmLabel={t("telephony.extensions.regenerateConfirm")}
        onCancel={() => setRegenerating(null)}
        onConfirm={() => {
          if (regenerating) void operations.regenerate(regenerating).then(show, () => undefined);
          setRegenerating(null);
        }}
      />
      <SecretOnceDialog
        title={issued ? t("telephony.trunks.secret.title", { name: issued.name }) : ""}
        labelHeader={t("telephony.trunks.field.name")}
        secrets={issued?.secrets ?? null}
        onClose={() => setIssued(null)}
      />
    </>
  );
  return {
    dialogs,
    create: () => setEditing({ trunk: null }),
    edit: (trunk: TrunkOutput) => setEditing({ trunk }),
    askDelete: setDeleting,
    askRegenerate: setRegenerating,
  };
}
