"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LinkIcon, MailPlusIcon, MoreHorizontalIcon, XCircleIcon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { cn } from "@/lib/cn";
import type { InvitationOutput, InvitationWithLink, MemberRoleName } from "@/lib/schemas/settings";
import { InvitationLinkDialog } from "./invitation-link-dialog";
import { InviteDialog } from "./invite-dialog";
import { LoadError } from "./load-error";

export function InvitationsCard({ myRole }: { myRole: MemberRoleName }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.settings.invitations.list.queryOptions());
  const usage = useQuery(trpc.settings.plan.get.queryOptions()).data?.usage.users;
  const [inviting, setInviting] = useState(false);
  const [link, setLink] = useState<InvitationWithLink | null>(null);
  const [revoking, setRevoking] = useState<InvitationOutput | null>(null);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.settings.invitations.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.settings.plan.get.queryKey() });
  };
  const renew = useMutation(
    trpc.settings.invitations.renew.mutationOptions({
      onSuccess: (result) => {
        toast.success(t("settings.invitations.renewed", { email: result.invitation.email }));
        setLink(result);
      },
      onError: (error) => toast.error(error.message),
      onSettled: refresh,
    }),
  );
  const listKey = trpc.settings.invitations.list.queryKey();
  const revoke = useMutation(
    trpc.settings.invitations.revoke.mutationOptions({
      onMutate: async ({ id }) => {
        await queryClient.cancelQueries({ queryKey: listKey });
        const snapshot = queryClient.getQueryData<InvitationOutput[]>(listKey);
        queryClient.setQueryData<InvitationOutput[]>(listKey, (rows) => rows?.filter((r) => r.id !== id));
        return { snapshot, email: snapshot?.find((r) => r.id === id)?.email ?? "" };
      },
      onError: (error, _vars, context) => {
        if (context?.snapshot) queryClient.setQueryData(listKey, context.snapshot);
        toast.error(error.message);
      },
      onSuccess: (_result, _vars, context) => toast.success(t("settings.invitations.revoked", { email: context?.email ?? "" })),
      onSettled: refresh,
    }),
  );
  // Known full: say so up front instead of letting the server refuse (it still decides, e.g. on a race).
  const full = usage !== undefined && usage.used >= usage.limit;
  // Owner invitations are for owners to manage (the server refuses admins).
  const manageable = (inv: InvitationOutput) => inv.role !== "owner" || myRole === "owner";

  return (
    <Card className="gap-4">
      <CardHeader className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1.5">
          <CardTitle>
            <h2 className="text-lg">{t("settings.invitations.title")}</h2>
          </CardTitle>
          <CardDescription>
            {t("settings.invitations.description")}
            {usage && (
              <span className={cn("mt-1 block tabular-nums", full && "font-medium text-destructive")} data-testid="invitations-usage">
                {t("settings.invitations.usage", { used: usage.used, limit: usage.limit })} {full && t("settings.invitations.full")}
              </span>
            )}
          </CardDescription>
        </div>
        <Button onClick={() => setInviting(true)} disabled={full} data-testid="invite-button">
          <MailPlusIcon aria-hidden /> {t("settings.invitations.invite")}
        </Button>
      </CardHeader>
      <CardContent className="px-0">
        {list.isError ? (
          <LoadError onRetry={() => void list.refetch()} />
        ) : list.data && list.data.length === 0 ? (
          <p className="px-6 py-6 text-center text-muted-foreground" data-testid="invitations-empty">
            {t("settings.invitations.empty")}
          </p>
        ) : (
          <Table data-testid="invitations-table">
            <TableHeader>
              <TableRow>
                <TableHead className="pl-6">{t("settings.invitations.email")}</TableHead>
                <TableHead>{t("settings.invitations.role")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("settings.invitations.expires")}</TableHead>
                <TableHead className="hidden lg:table-cell">{t("settings.invitations.invitedBy")}</TableHead>
                <TableHead className="w-12 pr-6">
                  <span className="sr-only">{t("common.actions")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {!list.data && (
                <TableRow aria-hidden>
                  <TableCell colSpan={5} className="px-6">
                    <Skeleton className="h-8 w-full" />
                  </TableCell>
                </TableRow>
              )}
              {list.data?.map((inv) => (
                <TableRow key={inv.id} data-testid="invitation-row">
                  <TableCell className="pl-6">
                    <div className="font-medium">{inv.email}</div>
                    {inv.name && <div className="text-xs text-muted-foreground">{inv.name}</div>}
                  </TableCell>
                  <TableCell>{t(`shell.role.${inv.role}`)}</TableCell>
                  <TableCell className="hidden whitespace-nowrap md:table-cell">
                    {inv.expired ? (
                      <Badge variant="danger">{t("settings.invitations.expiredBadge")}</Badge>
                    ) : (
                      <span className="text-muted-foreground">{date.format(inv.expiresAt)}</span>
                    )}
                  </TableCell>
                  <TableCell className="hidden text-muted-foreground lg:table-cell">{inv.invitedBy ?? "—"}</TableCell>
                  <TableCell className="pr-6">
                    {manageable(inv) && (
                      <DropdownMenu>
                        <DropdownMenuTrigger asChild>
                          <Button
                            variant="ghost"
                            size="icon"
                            aria-label={`${t("common.actions")}: ${inv.email}`}
                            disabled={renew.isPending}
                          >
                            <MoreHorizontalIcon aria-hidden />
                          </Button>
                        </DropdownMenuTrigger>
                        <DropdownMenuContent align="end">
                          <DropdownMenuItem onSelect={() => renew.mutate({ id: inv.id })}>
                            <LinkIcon aria-hidden /> {t("settings.invitations.renew")}
                          </DropdownMenuItem>
                          <DropdownMenuSeparator />
                          <DropdownMenuItem variant="destructive" onSelect={() => setRevoking(inv)}>
                            <XCircleIcon aria-hidden /> {t("settings.invitations.revoke")}
                          </DropdownMenuItem>
                        </DropdownMenuContent>
                      </DropdownMenu>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>

      <InviteDialog
        open={inviting}
        onOpenChange={setInviting}
        myRole={myRole}
        onCreated={(result) => {
          toast.success(t("settings.invitations.created", { email: result.invitation.email }));
          setLink(result);
        }}
      />
      <InvitationLinkDialog result={link} onClose={() => setLink(null)} />
      <AlertDialog open={revoking !== null} onOpenChange={(open) => !open && setRevoking(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("settings.invitations.revokeTitle", { email: revoking?.email ?? "" })}</AlertDialogTitle>
            <AlertDialogDescription>{t("settings.invitations.revokeBody")}</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{t("common.cancel")}</AlertDialogCancel>
            <AlertDialogAction
              variant="destructive"
              onClick={() => {
                if (revoking) revoke.mutate({ id: revoking.id });
                setRevoking(null);
              }}
            >
              {t("settings.invitations.revoke")}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </Card>
  );
}
