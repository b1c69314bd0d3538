"use client";

import { useEffect, useState } from "react";
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
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useI18n } from "@/components/providers/i18n-provider";
import type { MemberOutput } from "@/lib/schemas/settings";

const NOBODY = "__nobody";

/**
 * Confirms removing a member (or leaving, when it is me) and asks who takes over their leads.
 * Leaving gets its own wording so nobody removes themselves by accident.
 */
export function RemoveMemberDialog({
  member,
  members,
  onCancel,
  onConfirm,
}: {
  member: MemberOutput | null;
  members: MemberOutput[];
  onCancel: () => void;
  onConfirm: (member: MemberOutput, reassignLeadsTo: string | null) => void;
}) {
  const { t } = useI18n();
  const [heir, setHeir] = useState(NOBODY);
  useEffect(() => setHeir(NOBODY), [member?.id]);
  const others = members.filter((m) => m.id !== member?.id);
  const self = member?.isSelf ?? false;

  return (
    <AlertDialog open={member !== null} onOpenChange={(open) => !open && onCancel()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>
            {self ? t("settings.members.leaveTitle") : t("settings.members.removeTitle", { name: member?.name ?? "" })}
          </AlertDialogTitle>
          <AlertDialogDescription>
            {self ? t("settings.members.leaveBody") : t("settings.members.removeBody", { name: member?.name ?? "" })}
          </AlertDialogDescription>
        </AlertDialogHeader>
        {member && member.leadCount > 0 && (
          <div className="grid gap-2">
            <Label htmlFor="lead-heir">{t("settings.members.leadsHeir", { name: member.name, count: member.leadCount })}</Label>
            <Select value={heir} onValueChange={setHeir}>
              <SelectTrigger id="lead-heir" className="w-full">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={NOBODY}>{t("settings.members.leadsUnassigned")}</SelectItem>
                {others.map((m) => (
                  <SelectItem key={m.id} value={m.id}>
                    {m.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
        )}
        <p className="text-sm text-muted-foreground">{t("settings.members.extensionsNote")}</p>
        <AlertDialogFooter>
          <AlertDialogCancel>{t("common.cancel")}</AlertDialogCancel>
          <AlertDialogAction
            variant="destructive"
            onClick={() => member && onConfirm(member, heir === NOBODY ? null : heir)}
            data-testid="confirm-remove-member"
          >
            {self ? t("settings.members.leave") : t("settings.members.remove")}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
