"use client";

import { KeyRoundIcon, MoreHorizontalIcon, PencilIcon, Trash2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import type { ExtensionOutput } from "@/lib/schemas/extension";

type Props = {
  extensions: ExtensionOutput[];
  canManage: boolean;
  onEdit: (extension: ExtensionOutput) => void;
  onToggle: (extension: ExtensionOutput, enabled: boolean) => void;
  onRegenerate: (extension: ExtensionOutput) => void;
  onDelete: (extension: ExtensionOutput) => void;
};

/** The roster. Registration status is not shown yet: it needs live AMI state, not a guess. */
export function ExtensionsTable({ extensions, canManage, onEdit, onToggle, onRegenerate, onDelete }: Props) {
  const { t } = useI18n();
  const yesNo = (value: boolean) => (value ? t("telephony.extensions.yes") : t("telephony.extensions.no"));
  return (
    <div className="rounded-xl border">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead className="w-24">{t("telephony.extensions.column.number")}</TableHead>
            <TableHead>{t("telephony.extensions.column.name")}</TableHead>
            <TableHead>{t("telephony.extensions.column.member")}</TableHead>
            <TableHead>{t("telephony.extensions.column.callerId")}</TableHead>
            <TableHead>{t("telephony.extensions.column.voicemail")}</TableHead>
            <TableHead className="text-right">{t("telephony.extensions.column.maxContacts")}</TableHead>
            <TableHead>{t("telephony.extensions.column.enabled")}</TableHead>
            {canManage && (
              <TableHead className="w-12">
                <span className="sr-only">{t("common.actions")}</span>
              </TableHead>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {extensions.map((ext) => (
            <TableRow
              key={ext.id}
              data-testid={`extension-row-${ext.number}`}
              className={ext.enabled ? undefined : "text-muted-foreground"}
            >
              <TableCell className="font-mono font-medium tabular-nums">{ext.number}</TableCell>
              <TableCell>
                <div className="font-medium">{ext.name}</div>
                <div className="font-mono text-xs text-muted-foreground">{ext.endpoint}</div>
              </TableCell>
              <TableCell>{ext.member ? <span title={ext.member.email}>{ext.member.name}</span> : "—"}</TableCell>
              <TableCell className="tabular-nums">{ext.callerIdNumber ?? t("telephony.extensions.callerIdDefault")}</TableCell>
              <TableCell>{yesNo(ext.voicemail)}</TableCell>
              <TableCell className="text-right tabular-nums">{ext.maxContacts}</TableCell>
              <TableCell>
                <Checkbox
                  checked={ext.enabled}
                  disabled={!canManage}
                  aria-label={`${t("telephony.extensions.column.enabled")} ${ext.number}`}
                  onCheckedChange={(value) => onToggle(ext, value === true)}
                />
              </TableCell>
              {canManage && (
                <TableCell>
                  <DropdownMenu>
                    <DropdownMenuTrigger asChild>
                      <Button variant="ghost" size="icon" aria-label={t("telephony.extensions.actions", { number: ext.number })}>
                        <MoreHorizontalIcon aria-hidden />
                      </Button>
                    </DropdownMenuTrigger>
                    <DropdownMenuContent align="end">
                      <DropdownMenuItem onSelect={() => onEdit(ext)}>
                        <PencilIcon aria-hidden /> {t("common.edit")}
                      </DropdownMenuItem>
                      <DropdownMenuItem onSelect={() => onRegenerate(ext)}>
                        <KeyRoundIcon aria-hidden /> {t("telephony.extensions.regenerate")}
                      </DropdownMenuItem>
                      <DropdownMenuSeparator />
                      <DropdownMenuItem variant="destructive" onSelect={() => onDelete(ext)}>
                        <Trash2Icon aria-hidden /> {t("common.delete")}
                      </DropdownMenuItem>
                    </DropdownMenuContent>
                  </DropdownMenu>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
