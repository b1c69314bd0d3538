import type { Prisma } from "../generated/client";

// Demo inbound routing: business hours "Comercial", a ring group "Vendas", and routes for the
// tenant's first two DIDs. Run it after the extensions seed (1001–1004) and the operator's DID
// allocation; whatever is missing is skipped, and what exists is never overwritten (a route the
// demo user changed survives a restart). `tx` runs as the console role, which sees every tenant:
// every query here names the tenant.

const COMERCIAL_RULES = [
  { days: ["mon", "tue", "wed", "thu", "fri"], open: "08:00", close: "18:00" },
  { days: ["sat"], open: "09:00", close: "13:00" },
];
/** The sales reps' extensions in the demo (acme's rui and bia). */
const VENDAS_MEMBERS = ["1003", "1004"];

type ExtensionRow = { id: string; number: string; role: string | null };

async function ensureVendas(tx: Prisma.TransactionClient, tenantId: string, extensions: ExtensionRow[]): Promise<string | null> {
  const existing = await tx.ringGroup.findUnique({ where: { tenantId_name: { tenantId, name: "Vendas" } }, select: { id: true } });
  if (existing) return existing.id;
  // A tenant without the reps' extensions (globex has only its admin's) rings what it has.
  const reps = extensions.filter((e) => VENDAS_MEMBERS.includes(e.number));
  const members = reps.length > 0 ? reps : extensions;
  if (members.length === 0) return null;
  const group = await tx.ringGroup.create({
    data: { tenantId, name: "Vendas", strategy: "ringall", ringSeconds: 20 },
    select: { id: true },
  });
  await tx.ringGroupMember.createMany({
    data: members.map((extension, position) => ({ tenantId, ringGroupId: group.id, extensionId: extension.id, position })),
  });
  return group.id;
}

export async function seedTelephonyNumbers(tx: Prisma.TransactionClient, tenantId: string): Promise<void> {
  const hours = await tx.businessHours.upsert({
    where: { tenantId_name: { tenantId, name: "Comercial" } },
    update: {},
    create: { tenantId, name: "Comercial", timezone: "America/Sao_Paulo", rules: COMERCIAL_RULES },
    select: { id: true },
  });
  const extensions: ExtensionRow[] = (
    await tx.extension.findMany({
      where: { tenantId },
      select: { id: true, number: true, membership: { select: { role: true } } },
      orderBy: { number: "asc" },
    })
  ).map((e) => ({ id: e.id, number: e.number, role: e.membership?.role ?? null }));
  const vendas = await ensureVendas(tx, tenantId, extensions);
  const admin = extensions.find((e) => e.role === "admin") ?? extensions.find((e) => e.role === "owner") ?? null;
  const ext1001 = extensions.find((e) => e.number === "1001") ?? null;

  const [first, second] = await tx.did.findMany({
    where: { tenantId, status: "allocated" },
    select: { id: true, route: { select: { id: true } } },
    orderBy: { number: "asc" },
    take: 2,
  });
  if (first && !first.route) {
    // In hours the sales team answers; after hours the admin's extension (voicemail, if enabled).
    const data =
      vendas && admin
        ? {
            destType: "ring_group" as const,
            ringGroupId: vendas,
            businessHoursId: hours.id,
            afterType: "extension" as const,
            afterExtensionId: admin.id,
          }
        : vendas
          ? { destType: "ring_group" as const, ringGroupId: vendas }
          : admin
            ? { destType: "extension" as const, extensionId: admin.id }
            : null;
    if (data) await tx.didRoute.create({ data: { tenantId, didId: first.id, ...data } });
  }
  if (second && !second.route && ext1001) {
    await tx.didRoute.create({ data: { tenantId, didId: second.id, destType: "extension", extensionId: ext1001.id } });
  }
}
