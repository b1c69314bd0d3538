"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { OwnerInvitationInput, type InvitationLink } from "@/lib/schemas/tenant";
import { showServerError, TextField } from "./tenant-form-fields";

const Fields = OwnerInvitationInput.omit({ id: true });
type FormInput = z.input<typeof Fields>;
type FormOutput = z.output<typeof Fields>;

export type OwnerInvitationTarget = { id: string; name: string; owner?: { name: string | null; email: string } | null };

/** A new owner invitation link for a tenant (e.g. the first one expired or went to a wrong address). */
export function OwnerInvitationDialog({
  target,
  onClose,
  onCreated,
}: {
  target: OwnerInvitationTarget | null;
  onClose: () => void;
  onCreated: (invitation: InvitationLink) => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(Fields), defaultValues: { name: "", email: "" } });

  useEffect(() => {
    if (target) form.reset({ name: target.owner?.name ?? "", email: target.owner?.email ?? "" });
  }, [target, form]);

  const invite = useMutation(
    trpc.admin.tenants.inviteOwner.mutationOptions({
      onSuccess: (invitation) => {
        toast.success(t("console.invitation.generated"));
        void queryClient.invalidateQueries({ queryKey: trpc.admin.tenants.get.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.admin.audit.list.pathKey() });
        onClose();
        onCreated(invitation);
      },
      onError: (error) => showServerError(form, ["name", "email"], error),
    }),
  );

  return (
    <Dialog open={target !== null} onOpenChange={(open) => !open && !invite.isPending && onClose()}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t("console.invitation.newTitle")}</DialogTitle>
          <DialogDescription>{t("console.invitation.newDescription")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form
            onSubmit={form.handleSubmit((values) => target && invite.mutate({ id: target.id, ...values }))}
            noValidate
            className="grid gap-4"
            data-testid="owner-invitation-form"
          >
            <TextField
              control={form.control}
              name="name"
              label={t("console.form.ownerName")}
              inputProps={{ autoFocus: true, maxLength: 120 }}
            />
            <TextField control={form.control} name="email" label={t("console.form.ownerEmail")} inputProps={{ type: "email" }} />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={onClose} disabled={invite.isPending}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" disabled={invite.isPending}>
                {invite.isPending ? t("common.loading") : t("console.invitation.generate")}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
