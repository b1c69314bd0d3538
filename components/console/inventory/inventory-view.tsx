"use client";

import { Building2Icon, NetworkIcon, PhoneIcon, ServerIcon } from "lucide-react";
import { useState } from "react";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useI18n } from "@/components/providers/i18n-provider";
import { DidsTab } from "./dids-tab";
import { GatewaysTab } from "./gateways-tab";
import { INVENTORY_TABS, type InventoryTab } from "./inventory-tabs";
import { PbxNodesTab } from "./pbx-nodes-tab";
import { ProvidersTab } from "./providers-tab";

const ICONS = { dids: PhoneIcon, providers: Building2Icon, gateways: NetworkIcon, pbxNodes: ServerIcon };

export function InventoryView({ initialTab }: { initialTab: InventoryTab }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<InventoryTab>(initialTab);

  const changeTab = (value: string) => {
    setTab(value as InventoryTab);
    // The tab lives in the address, so a reload or a shared link opens the same one.
    const url = new URL(window.location.href);
    url.searchParams.set("tab", value);
    window.history.replaceState(null, "", url);
  };

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("inventory.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("inventory.subtitle")}</p>
      </div>
      <Tabs value={tab} onValueChange={changeTab} className="gap-4">
        <TabsList className="h-auto w-full flex-wrap justify-start sm:w-fit">
          {INVENTORY_TABS.map((value) => {
            const Icon = ICONS[value];
            return (
              <TabsTrigger key={value} value={value} className="px-3" data-testid={`inventory-tab-${value}`}>
                <Icon aria-hidden /> {t(`inventory.tabs.${value}`)}
              </TabsTrigger>
            );
          })}
        </TabsList>
        <TabsContent value="dids">
          <DidsTab />
        </TabsContent>
        <TabsContent value="providers">
          <ProvidersTab />
        </TabsContent>
        <TabsContent value="gateways">
          <GatewaysTab />
        </TabsContent>
        <TabsContent value="pbxNodes">
          <PbxNodesTab />
        </TabsContent>
      </Tabs>
    </div>
  );
}
