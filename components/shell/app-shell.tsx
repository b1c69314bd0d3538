"use client";

import {
  BarChart3Icon,
  Building2Icon,
  CalendarCheckIcon,
  HandshakeIcon,
  KanbanIcon,
  LayersIcon,
  MenuIcon,
  PhoneCallIcon,
  ReceiptTextIcon,
  PhoneIcon,
  RouteIcon,
  ServerCogIcon,
  ScrollTextIcon,
  ServerIcon,
  SettingsIcon,
  TagsIcon,
  UsersIcon,
  type LucideIcon,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import type { MessageKey } from "@/lib/i18n";
import { LanguageSwitch } from "./language-switch";
import { ThemeSwitch } from "./theme-switch";
import { UserMenu } from "./user-menu";

const NAV: Record<string, { href: string; label: MessageKey; icon: LucideIcon }> = {
  leads: { href: "/leads", label: "shell.leads", icon: UsersIcon },
  board: { href: "/board", label: "shell.board", icon: KanbanIcon },
  opportunities: { href: "/opportunities", label: "shell.opportunities", icon: HandshakeIcon },
  tasks: { href: "/tasks", label: "shell.tasks", icon: CalendarCheckIcon },
  settings: { href: "/settings", label: "shell.settings", icon: SettingsIcon },
  tenants: { href: "/", label: "shell.tenants", icon: Building2Icon },
  plans: { href: "/plans", label: "shell.plans", icon: LayersIcon },
  inventory: { href: "/inventory", label: "shell.inventory", icon: ServerIcon },
  audit: { href: "/audit", label: "shell.audit", icon: ScrollTextIcon },
  calls: { href: "/calls", label: "shell.calls", icon: PhoneCallIcon },
  telephony: { href: "/telephony", label: "shell.telephony", icon: PhoneIcon },
  routes: { href: "/routes", label: "shell.routes", icon: RouteIcon },
  pbx: { href: "/pbx", label: "shell.pbx", icon: ServerCogIcon },
  billing: { href: "/billing", label: "shell.billing", icon: ReceiptTextIcon },
  tariffs: { href: "/tariffs", label: "shell.tariffs", icon: TagsIcon },
  invoices: { href: "/invoices", label: "shell.invoices", icon: ReceiptTextIcon },
  reports: { href: "/reports", label: "shell.reports", icon: BarChart3Icon },
};
export type NavKey = keyof typeof NAV;

type Props = {
  workspaceName: string;
  nav: NavKey[];
  user: { name: string; email: string; role: "owner" | "admin" | "manager" | "rep" | "superadmin" };
  /** Shown above the header on every page and kept in view (e.g. the read-only support session notice). */
  banner?: ReactNode;
  children: ReactNode;
};

function NavLinks({ nav, onNavigate }: { nav: NavKey[]; onNavigate?: () => void }) {
  const { t } = useI18n();
  const pathname = usePathname();
  return (
    <nav aria-label={t("shell.navigation")} className="flex flex-col gap-1 p-3">
      {nav.map((key) => {
        const item = NAV[key]!;
        // The console's home lists tenants, so a tenant's own page (/tenants/…) belongs to it too.
        const home = item.href === "/" ? pathname === "/" || pathname.startsWith("/tenants/") : false;
        const active = home || (item.href !== "/" && (pathname === item.href || pathname.startsWith(`${item.href}/`)));
        const Icon = item.icon;
        return (
          <Link
            key={key}
            href={item.href}
            onClick={onNavigate}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-sidebar-foreground/80 outline-none hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:ring-2 focus-visible:ring-sidebar-ring",
              active && "bg-sidebar-accent text-sidebar-accent-foreground",
            )}
          >
            <Icon className="size-4" aria-hidden />
            {t(item.label)}
          </Link>
        );
      })}
    </nav>
  );
}

function Brand() {
  const { t } = useI18n();
  return (
    <div className="flex h-14 items-center gap-2 border-b border-sidebar-border px-4 font-semibold">
      <span className="flex size-7 items-center justify-center rounded-md bg-primary text-sm text-primary-foreground">L</span>
      {t("app.name")}
    </div>
  );
}

export function AppShell({ workspaceName, nav, user, banner, children }: Props) {
  const { t } = useI18n();
  const roleLabel = user.role === "superadmin" ? t("shell.console") : t(`shell.role.${user.role}`);
  return (
    <div className="flex min-h-svh">
      <aside className="hidden w-60 shrink-0 flex-col border-r border-sidebar-border bg-sidebar text-sidebar-foreground md:flex">
        <Brand />
        <NavLinks nav={nav} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <div className="sticky top-0 z-30">
          {banner}
          <header className="flex h-14 items-center gap-2 border-b bg-background/95 px-4 backdrop-blur">
            <Sheet>
              <SheetTrigger asChild>
                <Button variant="ghost" size="icon" className="md:hidden" aria-label={t("shell.openMenu")}>
                  <MenuIcon aria-hidden />
                </Button>
              </SheetTrigger>
              <SheetContent side="left" className="w-64 bg-sidebar p-0">
                <SheetTitle className="sr-only">{t("shell.navigation")}</SheetTitle>
                <Brand />
                <NavLinks nav={nav} />
              </SheetContent>
            </Sheet>
            <div className="min-w-0 flex-1 truncate text-sm font-semibold" data-testid="workspace-name">
              {workspaceName}
            </div>
            <LanguageSwitch />
            <ThemeSwitch />
            <UserMenu name={user.name} email={user.email} roleLabel={roleLabel} />
          </header>
        </div>
        <main className="flex-1 p-4 md:p-6">{children}</main>
      </div>
    </div>
  );
}
