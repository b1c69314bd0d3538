"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useForm, type Path } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { InvitationCreateInput, MEMBER_ROLES, type InvitationWithLink, type MemberRoleName } from "@/lib/schemas/settings";
import { applyServerErrors } from "./apply-server-errors";
import { RoleSelect } from "./role-select";

type FormInput = z.input<typeof InvitationCreateInput>;
type FormOutput = z.output<typeof InvitationCreateInput>;
const FIELDS = ["email", "name", "role"] as const;
const EMPTY: FormInput = { email: "", name: "", role: "rep" };

export function InviteDialog({
  open,
  onOpenChange,
  myRole,
  onCreated,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  myRole: MemberRoleName;
  onCreated: (result: InvitationWithLink) => void;
}) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(InvitationCreateInput), defaultValues: EMPTY });
  const roles = myRole === "owner" ? MEMBER_ROLES : MEMBER_ROLES.filter((r) => r !== "owner");

  useEffect(() => {
    if (open) form.reset(EMPTY);
  }, [open, form]);

  const create = useMutation(
    trpc.settings.invitations.create.mutationOptions({
      onSuccess: (result) => {
        void queryClient.invalidateQueries({ queryKey: trpc.settings.invitations.list.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.settings.plan.get.queryKey() });
        onOpenChange(false);
        onCreated(result);
      },
      onError: (error) => applyServerErrors((f, m) => form.setError(f as Path<FormInput>, { message: m }), error, FIELDS),
    }),
  );

  return (
    <Dialog open={open} onOpenChange={(next) => !create.isPending && onOpenChange(next)}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("settings.invitations.inviteTitle")}</DialogTitle>
          <DialogDescription>{t("settings.invitations.inviteDescription")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit((values) => create.mutate(values))} noValidate className="grid gap-4" data-testid="invite-form">
            <FormField
              control={form.control}
              name="email"
              render={({ field, fieldState }) => (
                <FormItem>
                  <FormLabel>{t("settings.invitations.email")}</FormLabel>
                  <FormControl>
                    <Input type="email" autoComplete="off" autoFocus maxLength={254} {...field} />
                  </FormControl>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="name"
              render={({ field, fieldState }) => (
                <FormItem>
                  <FormLabel>{t("settings.invitations.name")}</FormLabel>
                  <FormControl>
                    <Input autoComplete="off" maxLength={120} {...field} />
                  </FormControl>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="role"
              render={({ field, fieldState }) => (
                <FormItem>
                  <FormLabel>{t("settings.invitations.role")}</FormLabel>
                  <FormControl>
                    <RoleSelect
                      value={field.value as MemberRoleName}
                      roles={roles}
                      onChange={field.onChange}
                      className="w-full"
                      aria-invalid={!!fieldState.error}
                    />
                  </FormControl>
                  <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                </FormItem>
              )}
            />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={create.isPending}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" disabled={create.isPending}>
                {create.isPending ? t("common.loading") : t("settings.invitations.send")}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
