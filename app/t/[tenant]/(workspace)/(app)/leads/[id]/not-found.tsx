import { SearchXIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { serverTranslator } from "@/server/i18n";

// An unknown id and another rep's private lead look the same: the lead's existence is not told.
export default async function LeadNotFound() {
  const t = await serverTranslator();
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 py-20 text-center" data-testid="lead-not-found">
      <SearchXIcon aria-hidden className="size-10 text-muted-foreground" />
      <h1 className="text-xl font-semibold">{t("leadPage.notFoundTitle")}</h1>
      <p className="text-sm text-muted-foreground">{t("leadPage.notFoundBody")}</p>
      <Button asChild variant="outline">
        <Link href="/leads">{t("leadPage.backToLeads")}</Link>
      </Button>
    </div>
  );
}
