import { UnavailablePage } from "@/components/tenant/unavailable-page";
import { serverTranslator } from "@/server/i18n";

export default async function NotFound() {
  const t = await serverTranslator();
  return (
    <UnavailablePage
      title={t("tenant.pageNotFoundTitle")}
      body={t("tenant.pageNotFoundBody")}
      actionLabel={t("tenant.backHome")}
      actionHref="/"
    />
  );
}
