import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDivisionService, QUZHOU_VILLAGE_COUNT } from '../../kernel/divisions';
import { parseMobile, parseResidentId, parseUscc } from '../../kernel/identity';
import { SCALE_SIZES } from '../../seed/scales';
import { planRegistry, type RegistryPlan, SNAPSHOT_DATE } from './city-plan';
import { demoSubjects } from './demo-subjects';
import { type EnterpriseRegistry, generateEnterprises } from './generate-enterprises';
import { generateTownship, pyramidFor, type TownshipPopulation } from './generate-population';
import { LEAD_INDUSTRIES } from './industries';

const divisions = createDivisionService();
const SEED = 20261129;

function generateAll(plan: RegistryPlan) {
  const townships = plan.townships.map((t) => generateTownship(plan, t));
  return { townships, firms: generateEnterprises(plan) };
}

function digest(city: { townships: TownshipPopulation[]; firms: EnterpriseRegistry }): string {
  const hash = createHash('sha256');
  for (const t of city.townships) {
    for (const rows of [t.residents, t.households, t.collectives, t.farms])
      for (const row of rows) hash.update(JSON.stringify(row));
  }
  for (const row of city.firms.enterprises) hash.update(JSON.stringify(row));
  for (const row of city.firms.farms) hash.update(JSON.stringify(row));
  return hash.digest('hex');
}

describe('the demo city', () => {
  let plan: RegistryPlan;
  let city: ReturnType<typeof generateAll>;
  let residents: TownshipPopulation['residents'];

  beforeAll(() => {
    plan = planRegistry(divisions, 'demo', SEED);
    city = generateAll(plan);
    residents = city.townships.flatMap((t) => t.residents);
  });

  it('is deterministic by seed', () => {
    expect(digest(generateAll(planRegistry(divisions, 'demo', SEED)))).toBe(digest(city));
    expect(digest(generateAll(planRegistry(divisions, 'demo', SEED + 1)))).not.toBe(digest(city));
  });

  it('has the demo scale sizes within 5 %', () => {
    const target = SCALE_SIZES.demo;
    expect(Math.abs(residents.length - target.residents) / target.residents).toBeLessThanOrEqual(0.05);
    expect(
      Math.abs(city.firms.enterprises.length - target.enterprises) / target.enterprises,
    ).toBeLessThanOrEqual(0.05);
  });

  it('gives every resident a unique valid ID of their county, with the sex in its sequence parity', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const r of residents) {
      const parsed = parseResidentId(r.resident_id, { today: SNAPSHOT_DATE });
      if (!parsed.ok) {
        problems.push(`${r.resident_id}: ${parsed.reason.code}`);
        continue;
      }
      if (parsed.value.divisionCode !== r.division_code.slice(0, 6))
        problems.push(`${r.resident_id}: division`);
      if (parsed.value.sex !== r.sex) problems.push(`${r.resident_id}: sex`);
      if (parsed.value.birthDate !== r.birth_date) problems.push(`${r.resident_id}: birth date`);
      if (r.phone !== null && !parseMobile(r.phone).ok) problems.push(`${r.phone}: phone`);
      seen.add(r.resident_id);
    }
    expect(problems).toEqual([]);
    expect(seen.size).toBe(residents.length);
  });

  it('registers residents in villages, or in streets for urban residents', () => {
    for (const r of residents) {
      const division = divisions.get(r.division_code);
      expect(division?.kind === 'village' || division?.kind === 'street').toBe(true);
    }
  });

  it('keeps ages within 0-100, the coarse pyramid, and about 51.5 % men', () => {
    const pyramid = pyramidFor(plan.asOf);
    const ages = residents.map((r) => {
      const parsed = parseResidentId(r.resident_id, { today: SNAPSHOT_DATE });
      return parsed.ok ? ageOn(plan.asOf, parsed.value.birthDate) : -1;
    });
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(100);
    const share = (test: (age: number) => boolean) => ages.filter(test).length / ages.length;
    // Coarse bands of the [assume]d pyramid: 14.6 % / 64 % / 21 %, allowing for heads of household replacing a few minors.
    expect(share((a) => a < 15)).toBeGreaterThan(0.12);
    expect(share((a) => a < 15)).toBeLessThan(0.17);
    expect(share((a) => a >= 15 && a < 60)).toBeGreaterThan(0.6);
    expect(share((a) => a >= 15 && a < 60)).toBeLessThan(0.68);
    expect(share((a) => a >= 60)).toBeGreaterThan(0.18);
    expect(share((a) => a >= 60)).toBeLessThan(0.25);
    expect(residents.filter((r) => r.sex === 'male').length / residents.length).toBeCloseTo(0.515, 1);
    expect(pyramid.asOf).toBe(plan.asOf);
  });

  it('links households: 1-5 members sharing the id, an adult head who is a member, sizes that match', () => {
    const members = new Map<string, typeof residents>();
    for (const r of residents) members.set(r.household_id, [...(members.get(r.household_id) ?? []), r]);
    const households = city.townships.flatMap((t) => t.households);
    expect(new Set(households.map((h) => h.id)).size).toBe(households.length);
    expect(members.size).toBe(households.length);
    for (const h of households) {
      const list = members.get(h.id) ?? [];
      expect(list.length).toBe(h.size);
      expect(h.size).toBeGreaterThanOrEqual(1);
      expect(h.size).toBeLessThanOrEqual(5);
      const head = list.find((r) => r.resident_id === h.head_resident_id);
      expect(head).toBeDefined();
      expect(ageOn(plan.asOf, head!.birth_date)).toBeGreaterThanOrEqual(18);
      expect(list.every((r) => r.division_code === h.division_code)).toBe(true);
      expect(h.id.startsWith(h.division_code)).toBe(true);
    }
  });

  it('has one collective per village, 1,482 in all, with valid USCCs and members counted', () => {
    const collectives = city.townships.flatMap((t) => t.collectives);
    expect(collectives).toHaveLength(QUZHOU_VILLAGE_COUNT);
    expect(new Set(collectives.map((c) => c.code)).size).toBe(QUZHOU_VILLAGE_COUNT);
    for (const c of collectives) {
      expect(divisions.get(c.code)?.kind).toBe('village');
      const parsed = parseUscc(c.uscc);
      expect(
        parsed.ok &&
          parsed.value.registrationDepartment === 'N' &&
          parsed.value.divisionCode === c.county_code,
      ).toBe(true);
      expect(c.collective_income_fen).toBeGreaterThanOrEqual(20_000_000);
    }
    const villagers = residents.filter((r) => r.division_code.length === 12).length;
    expect(collectives.reduce((sum, c) => sum + c.members, 0)).toBe(villagers);
  });

  it('gives enterprises unique valid USCCs of their county, every lead industry, and about 12 % above scale', () => {
    const { enterprises } = city.firms;
    expect(new Set(enterprises.map((e) => e.uscc)).size).toBe(enterprises.length);
    for (const e of enterprises) {
      const parsed = parseUscc(e.uscc);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.registrationDepartment).toBe('9');
      expect(['1', '2', '3']).toContain(parsed.value.organisationType);
      expect(parsed.value.divisionCode).toBe(e.county_code);
      expect(e.township_code.startsWith(e.county_code)).toBe(true);
      expect(e.industry_code).toMatch(/^[A-T]\d{4}$/);
      expect(Number.isSafeInteger(e.output_value_fen) && e.output_value_fen > 0).toBe(true);
      if (e.above_scale === 1) expect(e.output_value_fen).toBeGreaterThanOrEqual(2_000_000_000);
    }
    for (const lead of LEAD_INDUSTRIES) expect(enterprises.some((e) => e.lead_industry === lead)).toBe(true);
    const aboveScale = enterprises.filter((e) => e.above_scale === 1).length / enterprises.length;
    expect(aboveScale).toBeGreaterThan(0.08);
    expect(aboveScale).toBeLessThan(0.16);
  });

  it('gives farms operators from the registry, in villages', () => {
    const residentIds = new Set(residents.map((r) => r.resident_id));
    const usccs = new Set(city.firms.enterprises.map((e) => e.uscc));
    const farms = [...city.townships.flatMap((t) => t.farms), ...city.firms.farms];
    expect(farms.length).toBeGreaterThan(40);
    for (const f of farms) {
      expect(f.operator_type === 'resident' ? residentIds.has(f.operator_id) : usccs.has(f.operator_id)).toBe(
        true,
      );
      expect(divisions.get(f.division_code)?.kind).toBe('village');
      expect(f.area_mu).toBeGreaterThanOrEqual(10);
    }
  });

  it('picks demo subjects that the generation contains', () => {
    const subjects = demoSubjects(plan);
    const resident = residents.find((r) => r.resident_id === subjects.resident.residentId);
    expect(resident?.division_code).toBe(subjects.resident.villageCode);
    expect(subjects.village.code).toBe(subjects.resident.villageCode);
    const enterprise = city.firms.enterprises.find((e) => e.uscc === subjects.enterprise.uscc);
    expect(enterprise?.above_scale).toBe(1);
  });
});

describe('the county scale', () => {
  it('puts every resident and enterprise in 常山县 and generates a township alone as within the whole', () => {
    const plan = planRegistry(divisions, 'county', SEED, { residents: 40_000, enterprises: 300 });
    expect(plan.counties.map((c) => c.county.code)).toEqual(['330822']);
    const first = generateTownship(plan, plan.townships[3]!);
    expect(first.residents.every((r) => r.resident_id.startsWith('330822'))).toBe(true);
    expect(generateTownship(plan, plan.townships[3]!)).toEqual(first);
    expect(generateEnterprises(plan).enterprises.every((e) => e.county_code === '330822')).toBe(true);
  });
});

function ageOn(asOf: string, birthDate: string): number {
  const age = Number(asOf.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return asOf.slice(5) < birthDate.slice(5) ? age - 1 : age;
}
