import type { RegistryPlan } from './city-plan';
import { generateEnterprises } from './generate-enterprises';
import { generateTownship } from './generate-population';

/** The seeded resident, enterprise and village the demo logins stand for. */
export interface DemoSubjects {
  resident: { residentId: string; name: string; villageCode: string };
  enterprise: { uscc: string; name: string; townshipCode: string };
  village: { code: string; collectiveName: string };
}

/**
 * Picks the demo logins' subjects from the plan without touching the database (generation is deterministic, so
 * the seed writes exactly these): the head of the first household of the first populated village, that
 * village's collective, and the first above-scale lead-industry company (else the first company).
 */
export function demoSubjects(plan: RegistryPlan): DemoSubjects {
  for (const township of plan.townships) {
    const unit = township.units.find((u) => u.isVillage && u.residents > 0);
    if (!unit) continue;
    const population = generateTownship(plan, township);
    const head = population.residents.find((r) => r.division_code === unit.division.code)!;
    const collective = population.collectives.find((c) => c.code === unit.division.code)!;
    const { enterprises } = generateEnterprises(plan);
    const enterprise =
      enterprises.find((e) => e.above_scale === 1 && e.lead_industry !== null) ??
      enterprises.find((e) => e.uscc.startsWith('91')) ??
      enterprises[0]!;
    return {
      resident: { residentId: head.resident_id, name: head.name, villageCode: unit.division.code },
      enterprise: { uscc: enterprise.uscc, name: enterprise.name, townshipCode: enterprise.township_code },
      village: { code: collective.code, collectiveName: collective.name },
    };
  }
  throw new RangeError('the plan has no village with residents to give the demo resident');
}
