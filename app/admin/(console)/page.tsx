import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireSuperAdmin } from "@/server/auth/super-admin";
import { serverTranslator } from "@/server/i18n";
import { urlOnHost } from "@/server/root-url";
import { listTenants } from "@/server/services/tenants/list-tenants";

export const metadata: Metadata = { title: "Console" };

export default async function TenantsPage() {
  await requireSuperAdmin();
  const [t, tenants] = await Promise.all([serverTranslator(), listTenants()]);
  const links = await Promise.all(tenants.map((tenant) => urlOnHost(tenant.slug, "/login")));
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("admin.tenantsTitle")}</h1>
        <p className="text-sm text-muted-foreground">{t("admin.tenantsSubtitle")}</p>
      </div>
      <Card className="py-0">
        <Table data-testid="tenants-table">
          <TableHeader>
            <TableRow>
              <TableHead>{t("admin.name")}</TableHead>
              <TableHead>{t("admin.slug")}</TableHead>
              <TableHead>{t("admin.plan")}</TableHead>
              <TableHead>{t("admin.status")}</TableHead>
              <TableHead className="text-right">{t("admin.members")}</TableHead>
              <TableHead className="text-right">{t("admin.leads")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {tenants.map((tenant, i) => (
              <TableRow key={tenant.id}>
                <TableCell className="font-medium">{tenant.name}</TableCell>
                <TableCell>
                  <a className="underline-offset-4 hover:underline" href={links[i]}>
                    {tenant.slug}
                  </a>
                </TableCell>
                <TableCell>{tenant.plan}</TableCell>
                <TableCell>
                  <Badge variant={tenant.status === "active" ? "success" : "warning"}>{t(`admin.${tenant.status}`)}</Badge>
                </TableCell>
                <TableCell className="text-right tabular-nums">{tenant.members}</TableCell>
                <TableCell className="text-right tabular-nums">{tenant.leads}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
    </div>
  );
}
