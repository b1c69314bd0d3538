import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { anonymousCaller, callerFor } from "@/server/testing/callers";
import { appRouter } from "@/server/trpc/root";
import { insertMember } from "@/server/services/plans/throwaway-tenant.fixture";
import { insertReportTenant } from "@/server/services/billing/reports/reports.fixture";

type Caller = Awaited<ReturnType<typeof callerFor>>;

async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/** The error as the browser gets it (translated message, field errors), in English. */
function shapeOf(error: TRPCError) {
  return getTRPCErrorShape({
    config: appRouter._def._config,
    error,
    type: "query",
    path: "admin.billingReports.summary",
    input: undefined,
    ctx: { locale: "en" } as never,
  }) as { message: string; data: { code: string; appCode?: string; fieldErrors?: Record<string, string[]> } };
}

const PROCEDURES = ["summary", "byDay", "byTenant", "byProvider", "byGateway", "byDestination"] as const;

describe("admin.billingReports: who may read it", () => {
  it("tenant members are refused on their own host and on the console's", async () => {
    const tenant = await insertReportTenant();
    const owner = await insertMember(tenant.id, "owner");
    const onTenantHost = await callerFor(owner.email, `${tenant.slug}.localhost:3000`);
    const onConsoleHost = await callerFor(owner.email, "admin.localhost:3000");
    for (const caller of [onTenantHost, onConsoleHost]) {
      for (const name of PROCEDURES) {
        expect((await trpcError(caller.admin.billingReports[name]({}))).code).toBe("FORBIDDEN");
      }
      expect((await trpcError(caller.admin.billingReports.filterOptions())).code).toBe("FORBIDDEN");
    }
    // The demo tenant's admin too: cost and margin are operator data.
    const ana = await callerFor("ana@acme.test", "acme.localhost:3000");
    expect((await trpcError(ana.admin.billingReports.summary({}))).code).toBe("FORBIDDEN");
  });

  it("a super admin's console session is required (a support session on a tenant host is not one)", async () => {
    expect((await trpcError(anonymousCaller("admin.localhost:3000").admin.billingReports.summary({}))).code).toBe("UNAUTHORIZED");
    const support = await callerFor("root@linha.local", "acme.localhost:3000", "support:acme");
    expect((await trpcError(support.admin.billingReports.byTenant({}))).code).toBe("FORBIDDEN");
  });
});

describe("admin.billingReports: input", () => {
  let root: Caller;
  beforeAll(async () => {
    root = await callerFor("root@linha.local", "admin.localhost:3000");
  });

  it("defaults to this São Paulo month, to today", async () => {
    const summary = await root.admin.billingReports.summary({});
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo" }).format(new Date());
    expect(summary.range).toEqual({ from: `${today.slice(0, 8)}01`, to: today, days: Number(today.slice(8)) });
  });

  it("refuses an end before the start, more than 366 days and dates that do not exist, on their field", async () => {
    const cases: Array<[object, string, string]> = [
      [{ preset: "custom", from: "2026-03-10", to: "2026-03-09" }, "range.to", "The end date must be on or after the start date."],
      [{ preset: "custom", from: "2026-01-01", to: "2027-01-02" }, "range.to", "The period can be at most 366 days."],
      [{ preset: "custom", from: "2026-02-30", to: "2026-03-09" }, "range.from", "Invalid date."],
      [{ preset: "custom", from: "2026-3-1", to: "2026-03-09" }, "range.from", "Invalid date."],
      [{ preset: "custom", to: "2026-03-09" }, "range.from", "Required."],
      [{ preset: "yesterday" }, "range.preset", "Invalid option."],
    ];
    for (const [range, field, message] of cases) {
      const error = await trpcError(root.admin.billingReports.summary({ range: range as never }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(shapeOf(error).data.fieldErrors?.[field]).toEqual([message]);
    }
    // 366 days (a leap year) is the longest range; one day is the shortest.
    const leap = await root.admin.billingReports.byDay({ range: { preset: "custom", from: "2028-01-01", to: "2028-12-31" } });
    expect(leap.days).toHaveLength(366);
    expect(leap.days.at(-1)?.day).toBe("2028-12-31");
    const one = await root.admin.billingReports.byDay({ range: { preset: "custom", from: "2028-02-29", to: "2028-02-29" } });
    expect(one.days.map((d) => d.day)).toEqual(["2028-02-29"]);
  });

  it("a filter naming nothing is NOT_FOUND on its field, not an empty report", async () => {
    const cases: Array<[object, string, string]> = [
      [{ tenantId: randomUUID() }, "tenantId", "Company not found."],
      [{ providerId: randomUUID() }, "providerId", "Provider not found."],
      [{ gatewayName: "no-such-gateway" }, "gatewayName", "Gateway not found."],
    ];
    for (const [filter, field, message] of cases) {
      const error = await trpcError(root.admin.billingReports.byGateway(filter));
      expect(error.code).toBe("NOT_FOUND");
      const shape = shapeOf(error);
      expect(shape.message).toBe(message);
      expect(shape.data.fieldErrors?.[field]).toEqual([message]);
    }
    // Nothing that could reach SQL unquoted either: the gateway name is allow-listed.
    const bad = await trpcError(root.admin.billingReports.summary({ gatewayName: 'x\'; DROP TABLE "Call"; --' }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect((await trpcError(root.admin.billingReports.byTenant({ limit: 0 }))).code).toBe("BAD_REQUEST");
    expect((await trpcError(root.admin.billingReports.byDestination({ limit: 51 }))).code).toBe("BAD_REQUEST");
  });
});
