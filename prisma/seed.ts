import { PrismaPg } from "@prisma/adapter-pg";
import { pathToFileURL } from "node:url";
import { PrismaClient, type MemberRole, type Prisma } from "./generated/client";
import { hashPassword } from "../server/services/auth/password";
import type { PlanFeature } from "../lib/schemas/plan";
import { generateLeads } from "./seed-data/leads";
import { seedActivities } from "./seed-data/activities";
import { seedLeadsQueue } from "./seed-data/leads-queue";
import { seedPipelines } from "./seed-data/pipelines";
import { createRandom } from "./seed-data/random";
import { seedScoring } from "./seed-data/scoring";
import { seedTelephonyExtensions } from "./seed-data/telephony-extensions";
import { seedTelephonyNetwork } from "./seed-data/telephony-network";
import { seedTelephonyNumbers } from "./seed-data/telephony-numbers";
import { seedDemoCalls } from "./seed-data/calls";
import { seedRateDecks } from "./seed-data/rate-decks";
import { seedTaxRates } from "./seed-data/tax-rates";

export const DEMO_PASSWORD = "linha-demo";
export const ADMIN_LOGIN = { email: "root@linha.local", password: "linha-admin" };

const PLANS: {
  code: string;
  name: string;
  monthlyPrice: string;
  maxUsers: number;
  maxExtensions: number;
  maxDids: number;
  maxConcurrentCalls: number;
  features: PlanFeature[];
}[] = [
  {
    code: "starter",
    name: "Starter",
    monthlyPrice: "199.00",
    maxUsers: 5,
    maxExtensions: 5,
    maxDids: 2,
    maxConcurrentCalls: 2,
    features: [],
  },
  {
    code: "pro",
    name: "Pro",
    monthlyPrice: "599.00",
    maxUsers: 25,
    maxExtensions: 25,
    maxDids: 10,
    maxConcurrentCalls: 10,
    features: ["call_recording", "monitoring", "automations", "api_access"],
  },
  {
    code: "enterprise",
    name: "Enterprise",
    monthlyPrice: "1999.00",
    maxUsers: 200,
    maxExtensions: 200,
    maxDids: 50,
    maxConcurrentCalls: 60,
    features: ["call_recording", "monitoring", "automations", "chatbot", "api_access"],
  },
];

const TENANTS: {
  slug: string;
  name: string;
  cnpj: string;
  plan: string;
  leads: number;
  members: { email: string; name: string; role: MemberRole }[];
}[] = [
  {
    slug: "acme",
    name: "Acme Comércio e Serviços Ltda",
    cnpj: "11222333000181",
    plan: "pro",
    leads: 320,
    members: [
      { email: "ana@acme.test", name: "Ana Souza", role: "admin" },
      { email: "marta@acme.test", name: "Marta Lima", role: "manager" },
      { email: "rui@acme.test", name: "Rui Barbosa", role: "rep" },
      { email: "bia@acme.test", name: "Bia Costa", role: "rep" },
    ],
  },
  {
    slug: "globex",
    name: "Globex Brasil S.A.",
    cnpj: "45723174000110",
    plan: "starter",
    leads: 240,
    members: [{ email: "gil@globex.test", name: "Gil Moreira", role: "admin" }],
  },
];

type SeedOptions = {
  leadsPerTenant?: number;
  log?: (line: string) => void;
  /** The APP_SECRET the app runs with (SIP and AMI secrets are sealed with it); default $APP_SECRET. */
  appSecret?: string;
};

async function ensureUser(db: PrismaClient, email: string, name: string, password: string, isSuperAdmin = false) {
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) return existing;
  return db.user.create({ data: { email, name, isSuperAdmin, passwordHash: await hashPassword(password) } });
}

/**
 * Idempotent demo data: creates what is missing and never overwrites what exists (a changed
 * password or edited lead survives a restart). Leads are added only to a tenant that has none.
 */
export async function seedDemo(ownerUrl: string, options: SeedOptions = {}): Promise<void> {
  const log = options.log ?? (() => {});
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: ownerUrl }) });
  try {
    for (const { features, ...plan } of PLANS) {
      await db.plan.upsert({ where: { code: plan.code }, update: {}, create: { ...plan, features } });
    }
    await ensureUser(db, ADMIN_LOGIN.email, "Operador Linha", ADMIN_LOGIN.password, true);

    const seeded: { id: string; slug: string; memberships: { id: string; role: MemberRole }[] }[] = [];
    for (const [index, spec] of TENANTS.entries()) {
      const plan = await db.plan.findUniqueOrThrow({ where: { code: spec.plan } });
      const tenant = await db.tenant.upsert({
        where: { slug: spec.slug },
        update: {},
        // Customers since before last month: the demo's previous-month invoice bills the whole plan fee.
        create: { slug: spec.slug, name: spec.name, cnpj: spec.cnpj, planId: plan.id, createdAt: new Date(Date.now() - 90 * 86_400_000) },
      });
      const users: { role: MemberRole; user: { id: string } }[] = [];
      for (const m of spec.members) users.push({ role: m.role, user: await ensureUser(db, m.email, m.name, DEMO_PASSWORD) });

      const seedMembers = async (tx: Prisma.TransactionClient) => {
        const memberships: { id: string; role: MemberRole }[] = [];
        for (const { user, role } of users) {
          const membership = await tx.membership.upsert({
            where: { tenantId_userId: { tenantId: tenant.id, userId: user.id } },
            update: {},
            create: { tenantId: tenant.id, userId: user.id, role },
          });
          memberships.push({ id: membership.id, role: membership.role });
        }
        return memberships;
      };
      const seedLeads = async (tx: Prisma.TransactionClient, memberships: { id: string }[]) => {
        const count = options.leadsPerTenant ?? spec.leads;
        const random = createRandom(1000 + index);
        const now = Date.now();
        const leads = generateLeads(count, 42 + index).map((lead) => {
          const { createdDaysAgo, ...fields } = lead;
          const createdAt = new Date(now - createdDaysAgo * 86_400_000 - random.int(0, 86_399) * 1000);
          const owner = random.next() < 0.15 ? null : random.pick(memberships);
          return { ...fields, tenantId: tenant.id, ownerId: owner?.id ?? null, createdAt, updatedAt: createdAt };
        });
        await tx.lead.createMany({ data: leads });
        return leads.length;
      };

      // The owner is subject to forced RLS (unless superuser): write as the console's role.
      const added = await db.$transaction(
        async (tx) => {
          await tx.$executeRaw`SET LOCAL ROLE linha_admin`;
          const memberships = await seedMembers(tx);
          const leads = (await tx.lead.count({ where: { tenantId: tenant.id } })) > 0 ? 0 : await seedLeads(tx, memberships);
          // Order matters: pipelines link existing leads, activities set lastContactAt, scoring reads both.
          for (const seedArea of [seedLeadsQueue, seedPipelines, seedActivities, seedScoring]) await seedArea(tx, tenant.id, memberships);
          seeded.push({ id: tenant.id, slug: spec.slug, memberships });
          return leads;
        },
        { timeout: 120_000, maxWait: 10_000 },
      );
      if (added) log(`seeded ${added} leads for ${spec.slug}`);
    }

    // Telephony secrets are sealed with the app's APP_SECRET: without it the config loader could not
    // open them, so the telephony demo is skipped rather than written unreadable.
    const appSecret = options.appSecret ?? process.env.APP_SECRET;
    if (!appSecret) {
      log("APP_SECRET not set: telephony demo skipped");
      return;
    }
    // The operator's network first (it allocates the DIDs and assigns the PBX node), then each
    // tenant's extensions and trunk, then the numbers that route to them, then a month of calls.
    await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SET LOCAL ROLE linha_admin`;
        await seedTelephonyNetwork(tx, { appSecret });
        // Prices and taxes: the app's rating schedule rates the seeded calls soon after it starts.
        const decks = await seedRateDecks(tx);
        if (decks.decks) log(`seeded ${decks.decks} rate decks (${decks.rates} rates)`);
        await seedTaxRates(tx);
        for (const tenant of seeded) {
          await seedTelephonyExtensions(tx, tenant.id, tenant.slug, tenant.memberships, appSecret);
          await seedTelephonyNumbers(tx, tenant.id);
          const calls = await seedDemoCalls(tx, {
            tenantId: tenant.id,
            slug: tenant.slug,
            count: DEMO_CALLS[tenant.slug] ?? 30,
            now: new Date(),
          });
          if (calls) log(`seeded ${calls} calls for ${tenant.slug}`);
        }
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } finally {
    await db.$disconnect();
  }
}

/** Ended calls over the last 30 days, so the history and its charts have something to show. */
const DEMO_CALLS: Record<string, number> = { acme: 150, globex: 30 };

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set (npm start seeds the embedded database by itself).");
    process.exit(1);
  }
  await seedDemo(url, { log: console.log });
  console.log("seed complete");
}
