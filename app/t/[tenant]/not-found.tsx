import { UnavailablePage } from "@/components/tenant/unavailable-page";
import { serverTranslator } from "@/server/i18n";
import { requestHost, urlOnHost } from "@/server/root-url";

// Reached when the host names a tenant that does not exist ((workspace)/layout.tsx calls notFound()).
export default async function WorkspaceNotFound() {
  const t = await serverTranslator();
  return (
    <UnavailablePage
      title={t("tenant.notFoundTitle")}
      body={t("tenant.notFoundBody", { host: await requestHost() })}
      actionLabel={t("tenant.findWorkspace")}
      actionHref={await urlOnHost(null)}
    />
  );
}
