import type { Metadata } from "next";
import { RatingView } from "@/components/console/rating/rating-view";
import { requireSuperAdmin } from "@/server/auth/super-admin";
import { serverTranslator } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await serverTranslator();
  return { title: t("rating.title") };
}

export default async function RatingPage() {
  await requireSuperAdmin();
  return <RatingView />;
}
