import { FileQuestionIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { serverTranslator } from "@/server/i18n";

// A malformed id: the same answer as another tenant's invoice or a draft (the API's NOT_FOUND).
export default async function InvoiceNotFound() {
  const t = await serverTranslator();
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 py-20 text-center" data-testid="invoice-not-found">
      <FileQuestionIcon aria-hidden className="size-10 text-muted-foreground" />
      <h1 className="text-xl font-semibold">{t("billing.errors.invoice_not_found")}</h1>
      <p className="text-sm text-muted-foreground">{t("billing.invoice.notFound")}</p>
      <Button asChild variant="outline">
        <Link href="/billing">{t("billing.invoice.back")}</Link>
      </Button>
    </div>
  );
}
