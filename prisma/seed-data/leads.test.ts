import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isValidCnpj } from "../../lib/cnpj";
import { normalizePhone } from "../../lib/phone";
import { generateLeads } from "./leads";
import { createRandom } from "./random";

const email = z.email();
const SOURCES = ["website", "referral", "outbound", "event", "inbound_call", "partner", "other"];
const STATUSES = ["new", "contacted", "qualified", "unqualified", "customer"];

describe("createRandom", () => {
  it("repeats the same sequence for the same seed and differs across seeds", () => {
    const seq = (seed: number) => {
      const r = createRandom(seed);
      return Array.from({ length: 20 }, () => r.next());
    };
    expect(seq(1)).toEqual(seq(1));
    expect(seq(1)).not.toEqual(seq(2));
  });

  it("keeps next() in [0, 1) and int() within inclusive bounds", () => {
    const r = createRandom(5);
    const ints = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      ints.add(r.int(3, 6));
    }
    expect([...ints].sort()).toEqual([3, 4, 5, 6]);
  });

  it("pick() returns members and throws on an empty array", () => {
    const r = createRandom(5);
    const items = ["a", "b", "c"] as const;
    for (let i = 0; i < 100; i++) expect(items).toContain(r.pick(items));
    expect(() => r.pick([])).toThrow();
  });
});

describe("generateLeads", () => {
  it("is deterministic for a seed", () => {
    expect(generateLeads(200, 42)).toEqual(generateLeads(200, 42));
  });

  it("differs across seeds", () => {
    const a = generateLeads(50, 1);
    const b = generateLeads(50, 2);
    expect(a).not.toEqual(b);
    expect(a.filter((lead, i) => lead.name === b[i]!.name).length).toBeLessThan(5);
  });

  it("returns exactly `count` leads, and none for 0", () => {
    expect(generateLeads(0, 1)).toEqual([]);
    expect(generateLeads(37, 1)).toHaveLength(37);
  });

  it.each([[1], [42], [2024], [987654321]])("every field is valid for seed %i", (seed) => {
    for (const lead of generateLeads(500, seed)) {
      expect(lead.name.length).toBeGreaterThan(0);
      expect(lead.name.length).toBeLessThanOrEqual(120);
      if (lead.cnpj !== null) {
        expect(lead.cnpj).toMatch(/^\d{14}$/);
        expect(isValidCnpj(lead.cnpj)).toBe(true);
        expect(lead.company).not.toBeNull();
      }
      if (lead.phone !== null) {
        expect(lead.phone).toMatch(/^\+55\d{10,11}$/);
        expect(normalizePhone(lead.phone)).toBe(lead.phone);
      }
      if (lead.email !== null) {
        expect(email.safeParse(lead.email).success).toBe(true);
        expect(lead.email).toMatch(/^[a-z0-9.]+@[a-z0-9.]+\.com\.br$/);
      }
      if (lead.notes !== null) {
        expect(lead.notes.length).toBeGreaterThan(0);
        expect(lead.notes.length).toBeLessThanOrEqual(2000);
      }
      expect(SOURCES).toContain(lead.source);
      expect(STATUSES).toContain(lead.status);
      expect(Number.isInteger(lead.createdDaysAgo)).toBe(true);
      expect(lead.createdDaysAgo).toBeGreaterThanOrEqual(0);
      expect(lead.createdDaysAgo).toBeLessThanOrEqual(180);
    }
  });

  it("has a realistic spread", () => {
    const leads = generateLeads(1000, 7);
    const share = (pred: (l: (typeof leads)[number]) => boolean) => leads.filter(pred).length / leads.length;

    expect(share((l) => l.cnpj !== null)).toBeGreaterThan(0.72);
    expect(share((l) => l.cnpj !== null)).toBeLessThan(0.88);
    expect(share((l) => l.notes !== null)).toBeGreaterThan(0.24);
    expect(share((l) => l.notes !== null)).toBeLessThan(0.36);
    expect(new Set(leads.map((l) => l.source))).toEqual(new Set(SOURCES));
    expect(new Set(leads.map((l) => l.status))).toEqual(new Set(STATUSES));
    expect(new Set(leads.map((l) => l.phone?.slice(3, 5)).filter(Boolean)).size).toBeGreaterThan(20);
    expect(leads.some((l) => /^\+55\d{2}9\d{8}$/.test(l.phone ?? ""))).toBe(true);
    expect(leads.some((l) => /^\+55\d{2}[2-5]\d{7}$/.test(l.phone ?? ""))).toBe(true);
    expect(leads.some((l) => /[ãáâàçéêíóôõú]/i.test(l.name))).toBe(true);
  });

  it("rarely repeats names or companies, and a repeated company keeps its CNPJ", () => {
    const leads = generateLeads(1000, 11);
    const names = leads.map((l) => l.name);
    const companies = leads.flatMap((l) => (l.company ? [l.company] : []));
    expect(new Set(names).size / names.length).toBeGreaterThan(0.97);
    expect(new Set(companies).size / companies.length).toBeGreaterThan(0.95);

    const cnpjByCompany = new Map<string, string | null>();
    const companyByCnpj = new Map<string, string>();
    for (const { company, cnpj } of leads) {
      if (company === null) continue;
      if (cnpjByCompany.has(company)) expect(cnpjByCompany.get(company)).toBe(cnpj);
      cnpjByCompany.set(company, cnpj);
      if (cnpj === null) continue;
      if (companyByCnpj.has(cnpj)) expect(companyByCnpj.get(cnpj)).toBe(company);
      companyByCnpj.set(cnpj, company);
    }
  });

  it("never repeats a surname in one name", () => {
    for (const lead of generateLeads(2000, 7)) {
      const words = lead.name.split(" ").slice(1);
      expect(new Set(words).size, lead.name).toBe(words.length);
    }
  });
});
