"use client";

import { useQuery } from "@tanstack/react-query";
import { LogOutIcon, MoreHorizontalIcon, SearchIcon, UserMinusIcon } from "lucide-react";
import { useMemo, useState } from "react";
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
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { MemberOutput, MemberRoleName } from "@/lib/schemas/settings";
import { LoadError } from "./load-error";
import { assignableRoles, canRemove, lockedBecause, ROLE_RANK } from "./member-rules";
import { RemoveMemberDialog } from "./remove-member-dialog";
import { RoleSelect } from "./role-select";
import { useMemberMutations } from "./use-member-mutations";

function RoleCell({
  member,
  members,
  myRole,
  onChange,
}: {
  member: MemberOutput;
  members: MemberOutput[];
  myRole: MemberRoleName;
  onChange: (role: MemberRoleName) => void;
}) {
  const { t } = useI18n();
  const roles = assignableRoles(myRole, member, members);
  if (!roles) {
    const locked = lockedBecause(member, members);
    const hint = locked ? t(`settings.members.${locked}`) : t("settings.members.ownerOnlyHint");
    return (
      <div className="flex flex-col">
        <span>{t(`shell.role.${member.role}`)}</span>
        <span className="text-xs text-muted-foreground">{hint}</span>
      </div>
    );
  }
  return (
    <RoleSelect
      value={member.role}
      roles={roles}
      onChange={onChange}
      aria-label={t("settings.members.roleFor", { name: member.name })}
      className="w-40"
    />
  );
}

export function MembersCard({ myRole }: { myRole: MemberRoleName }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const list = useQuery(trpc.settings.members.list.queryOptions());
  const members = useMemo(() => list.data ?? [], [list.data]);
  const { changeRole, remove } = useMemberMutations(members);
  const [search, setSearch] = useState("");
  const [removing, setRemoving] = useState<MemberOutput | null>(null);
  const [selfChange, setSelfChange] = useState<{ member: MemberOutput; role: MemberRoleName } | null>(null);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });

  const needle = search.trim().toLowerCase();
  const shown = needle ? members.filter((m) => m.name.toLowerCase().includes(needle) || m.email.includes(needle)) : members;

  const onRoleChange = (member: MemberOutput, role: MemberRoleName) => {
    if (role === member.role) return;
    // Lowering my own role may lock me out of this page: ask first.
    if (member.isSelf && ROLE_RANK[role] < ROLE_RANK[member.role]) setSelfChange({ member, role });
    else changeRole.mutate({ id: member.id, role });
  };

  return (
    <Card className="gap-4">
      <CardHeader className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1.5">
          <CardTitle>
            <h2 className="text-lg">{t("settings.members.title")}</h2>
          </CardTitle>
          <CardDescription>{t("settings.members.description")}</CardDescription>
        </div>
        <div className="relative w-full sm:w-72">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t("settings.members.searchPlaceholder")}
            aria-label={t("settings.members.searchPlaceholder")}
            className="pl-8"
          />
        </div>
      </CardHeader>
      <CardContent className="px-0">
        {list.isError ? (
          <LoadError onRetry={() => void list.refetch()} />
        ) : (
          <Table data-testid="members-table">
            <TableHeader>
              <TableRow>
                <TableHead className="pl-6">{t("settings.members.name")}</TableHead>
                <TableHead>{t("settings.members.role")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("settings.members.joined")}</TableHead>
                <TableHead className="hidden text-right sm:table-cell">{t("settings.members.leads")}</TableHead>
                <TableHead className="w-12 pr-6">
                  <span className="sr-only">{t("common.actions")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {!list.data &&
                Array.from({ length: 3 }, (_, i) => (
                  <TableRow key={i} aria-hidden>
                    <TableCell colSpan={5} className="px-6">
                      <Skeleton className="h-8 w-full" />
                    </TableCell>
                  </TableRow>
                ))}
              {list.data && shown.length === 0 && (
                <TableRow>
                  <TableCell colSpan={5} className="py-8 text-center text-muted-foreground">
                    {t("settings.members.empty")}
                  </TableCell>
                </TableRow>
              )}
              {shown.map((member) => (
                <TableRow key={member.id} data-testid="member-row">
                  <TableCell className="pl-6">
                    <div className="font-medium">
                      {member.name}
                      {member.isSelf && (
                        <Badge variant="secondary" className="ml-2">
                          {t("settings.members.you")}
                        </Badge>
                      )}
                    </div>
                    <div className="text-xs text-muted-foreground">{member.email}</div>
                  </TableCell>
                  <TableCell>
                    <RoleCell member={member} members={members} myRole={myRole} onChange={(role) => onRoleChange(member, role)} />
                  </TableCell>
                  <TableCell className="hidden whitespace-nowrap text-muted-foreground md:table-cell">
                    {date.format(member.createdAt)}
                  </TableCell>
                  <TableCell className="hidden text-right tabular-nums sm:table-cell">{member.leadCount}</TableCell>
                  <TableCell className="pr-6">
                    {canRemove(myRole, member, members) && (
                      <DropdownMenu>
                        <DropdownMenuTrigger asChild>
                          <Button variant="ghost" size="icon" aria-label={`${t("common.actions")}: ${member.name}`}>
                            <MoreHorizontalIcon aria-hidden />
                          </Button>
                        </DropdownMenuTrigger>
                        <DropdownMenuContent align="end">
                          <DropdownMenuItem variant="destructive" onSelect={() => setRemoving(member)}>
                            {member.isSelf ? <LogOutIcon aria-hidden /> : <UserMinusIcon aria-hidden />}
                            {member.isSelf ? t("settings.members.leave") : t("settings.members.remove")}
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

      <RemoveMemberDialog
        member={removing}
        members={members}
        onCancel={() => setRemoving(null)}
        onConfirm={(member, reassignLeadsTo) => {
          setRemoving(null);
          remove.mutate({ id: member.id, reassignLeadsTo });
        }}
      />
      <AlertDialog open={selfChange !== null} onOpenChange={(open) => !open && setSelfChange(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("settings.members.selfDemoteTitle")}</AlertDialogTitle>
            <AlertDialogDescription>
              {t("settings.members.selfDemoteBody", { role: selfChange ? t(`shell.role.${selfChange.role}`) : "" })}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{t("common.cancel")}</AlertDialogCancel>
            <AlertDialogAction
              variant="destructive"
              onClick={() => {
                if (selfChange) changeRole.mutate({ id: selfChange.member.id, role: selfChange.role });
                setSelfChange(null);
              }}
            >
              {t("settings.members.confirmChange")}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </Card>
  );
}
