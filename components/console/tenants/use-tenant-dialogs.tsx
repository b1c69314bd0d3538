"use client";

import { useState } from "react";
import type { InvitationLink } from "@/lib/schemas/tenant";
import { InvitationLinkDialog } from "./invitation-link-dialog";
import { OwnerInvitationDialog, type OwnerInvitationTarget } from "./owner-invitation-dialog";
import { TenantConfirmDialog, type PendingAction } from "./tenant-confirm-dialog";
import { TenantEditDialog } from "./tenant-edit-dialog";
import { useTenantActions } from "./use-tenant-actions";

/** The dialogs every tenant view shares (confirmations, edit, owner invitation, invitation link), and how to open them. */
export function useTenantDialogs({ onDeleted }: { onDeleted?: () => void } = {}) {
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [inviting, setInviting] = useState<OwnerInvitationTarget | null>(null);
  const [link, setLink] = useState<InvitationLink | null>(null);
  const actions = useTenantActions({ onDeleted, onSupportError: () => setPending(null) });

  function confirm({ action, tenant }: PendingAction) {
    if (action === "support") return actions.support.mutate({ id: tenant.id });
    setPending(null);
    if (action === "delete") actions.remove.mutate({ id: tenant.id });
    else actions.status[action].mutate({ id: tenant.id });
  }

  const dialogs = (
    <>
      <TenantConfirmDialog
        pending={pending}
        busy={actions.support.isPending || actions.support.isSuccess}
        onCancel={() => setPending(null)}
        onConfirm={confirm}
      />
      <TenantEditDialog tenantId={editing} onClose={() => setEditing(null)} />
      <OwnerInvitationDialog target={inviting} onClose={() => setInviting(null)} onCreated={setLink} />
      <InvitationLinkDialog invitation={link} onClose={() => setLink(null)} />
    </>
  );
  return { ask: setPending, edit: setEditing, invite: setInviting, showLink: setLink, dialogs };
}
