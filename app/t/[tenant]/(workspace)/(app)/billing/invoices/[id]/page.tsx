import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { InvoiceDetail } from "@/components/billing/invoice-detail";

export const metadata: Metadata = { title: "Fatura" };

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  return <InvoiceDetail invoiceId={id.data} />;
}
