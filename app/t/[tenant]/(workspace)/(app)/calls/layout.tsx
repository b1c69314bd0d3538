import type { ReactNode } from "react";
import { CallsTabs } from "@/components/calls/calls-tabs";

export default function CallsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <CallsTabs />
      {children}
    </div>
  );
}
