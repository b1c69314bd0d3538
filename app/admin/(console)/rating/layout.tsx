import type { ReactNode } from "react";
import { BillingTabs } from "@/components/console/billing/billing-tabs";

export default function BillingSectionLayout({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-6">
      <BillingTabs />
      {children}
    </div>
  );
}
