import type { Metadata } from "next";
import { UnavailablePage } from "@/components/tenant/unavailable-page";
import { serverTranslator } from "@/server/i18n";
import { urlOnHost } from "@/server/root-url";

export const metadata: Metadata = { title: "Suporte" };

/** Where a refused support link lands (used, expired, another tenant's, or no longer a super admin). */
export default async function InvalidSupportLinkPage() {
  const t = await serverTranslator();
  return (
    <UnavailablePage
      title={t("console.support.invalidTitle")}
      body={t("console.support.invalidBody")}
      actionLabel={t("console.support.backToConsole")}
      actionHref={await urlOnHost("admin", "/")}
    />
  );
}
