import { platformDb, type TenantDb } from "@/server/db";

// The ingest's lookups that every flush would otherwise repeat: which tenant a PBX `tenantid` is,
// and which member is behind an extension number. Both are cached for a short while (a renamed
// member or a new extension shows up within a TTL), so the per-event path never queries.

export type IngestTenant = { id: string; slug: string };
export type ExtensionOwner = { userId: string; userName: string };

const TENANT_TTL_MS = 60_000;
const EXTENSION_TTL_MS = 30_000;

type Logger = { warn(data: Record<string, unknown>, message: string): void };

export class TenantDirectory {
  private tenants = new Map<string, { tenant: IngestTenant | null; at: number }>();
  private extensions = new Map<string, { owners: Map<string, ExtensionOwner>; at: number }>();
  private warned = new Set<string>();

  constructor(private readonly log: Logger) {}

  /** Active tenants by slug; unknown, suspended or archived ones are null (their calls are dropped, logged once). */
  async tenantsBySlug(slugs: readonly string[]): Promise<Map<string, IngestTenant | null>> {
    const now = Date.now();
    const missing = slugs.filter((slug) => {
      const cached = this.tenants.get(slug);
      return !cached || now - cached.at > TENANT_TTL_MS;
    });
    if (missing.length > 0) {
      const rows = await platformDb().tenant.findMany({ where: { slug: { in: missing } }, select: { id: true, slug: true, status: true } });
      for (const slug of missing) {
        const row = rows.find((candidate) => candidate.slug === slug);
        const tenant = row && row.status === "active" ? { id: row.id, slug: row.slug } : null;
        this.tenants.set(slug, { tenant, at: now });
        if (!tenant && !this.warned.has(slug)) {
          this.warned.add(slug);
          this.log.warn({ tenantSlug: slug, status: row?.status ?? "unknown" }, "PBX events for a tenant that is not active: dropped");
        }
        if (tenant) this.warned.delete(slug);
      }
    }
    return new Map(slugs.map((slug) => [slug, this.tenants.get(slug)?.tenant ?? null]));
  }

  /** The member behind each of the tenant's extensions (read in the tenant's own transaction). */
  async extensionOwners(db: TenantDb, tenantId: string): Promise<Map<string, ExtensionOwner>> {
    const cached = this.extensions.get(tenantId);
    if (cached && Date.now() - cached.at <= EXTENSION_TTL_MS) return cached.owners;
    const rows = await db.extension.findMany({
      select: { number: true, membership: { select: { user: { select: { id: true, name: true } } } } },
    });
    const owners = new Map<string, ExtensionOwner>();
    for (const row of rows) {
      const user = row.membership?.user;
      if (user) owners.set(row.number, { userId: user.id, userName: user.name });
    }
    this.extensions.set(tenantId, { owners, at: Date.now() });
    return owners;
  }
}
