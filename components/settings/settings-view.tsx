"use client";

import { useState } from "react";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useI18n } from "@/components/providers/i18n-provider";
import { CrmSettingsCard } from "@/components/scoring/crm-settings-card";
import type { MemberRoleName } from "@/lib/schemas/settings";
import { ApiKeysCard } from "./api-keys-card";
import { AuditLogCard } from "./audit-log-card";
import { CompanyForm } from "./company-form";
import { MembersCard } from "./members-card";
import { InvitationsCard } from "./invitations-card";
import { PlanUsageCard } from "./plan-usage-card";

const TABS = ["company", "users", "plan", "apiKeys", "audit"] as const;
type Tab = (typeof TABS)[number];

/** What each role may open; the server enforces the same split (roleProcedure per procedure). */
function tabsFor(role: MemberRoleName): Tab[] {
  if (role === "owner" || role === "admin") return [...TABS];
  if (role === "manager") return ["company", "plan"];
  return ["company"];
}

/** `workspaceOrigin`: scheme, host and port the browser used (shown as the workspace address and API endpoint). */
type Props = { role: MemberRoleName; workspaceOrigin: string; initialTab?: string };

export function SettingsView({ role, workspaceOrigin, initialTab }: Props) {
  const { t } = useI18n();
  const tabs = tabsFor(role);
  const [tab, setTab] = useState<Tab>(tabs.find((x) => x === initialTab) ?? "company");
  const isAdmin = role === "owner" || role === "admin";

  // The tab lives in the URL (?tab=users) so it can be linked and survives a reload, without a server round trip.
  const select = (value: string) => {
    const next = tabs.find((x) => x === value) ?? "company";
    setTab(next);
    const url = new URL(window.location.href);
    url.searchParams.set("tab", next);
    window.history.replaceState(null, "", url);
  };

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("settings.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("settings.subtitle")}</p>
      </div>
      <Tabs value={tab} onValueChange={select} className="gap-4">
        <div className="-mx-1 overflow-x-auto px-1 pb-1">
          <TabsList>
            {tabs.map((key) => (
              <TabsTrigger key={key} value={key} className="px-3" data-testid={`settings-tab-${key}`}>
                {t(`settings.tabs.${key}`)}
              </TabsTrigger>
            ))}
          </TabsList>
        </div>
        <TabsContent value="company" className="flex flex-col gap-4">
          <CompanyForm canEdit={isAdmin} workspaceHost={new URL(workspaceOrigin).host} />
          <CrmSettingsCard canEdit={isAdmin} />
        </TabsContent>
        {tabs.includes("users") && (
          <TabsContent value="users" className="flex flex-col gap-4">
            <MembersCard myRole={role} />
            <InvitationsCard myRole={role} />
          </TabsContent>
        )}
        {tabs.includes("plan") && (
          <TabsContent value="plan">
            <PlanUsageCard />
          </TabsContent>
        )}
        {tabs.includes("apiKeys") && (
          <TabsContent value="apiKeys">
            <ApiKeysCard workspaceOrigin={workspaceOrigin} />
          </TabsContent>
        )}
        {tabs.includes("audit") && (
          <TabsContent value="audit">
            <AuditLogCard />
          </TabsContent>
        )}
      </Tabs>
    </div>
  );
}
