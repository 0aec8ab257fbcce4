import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHolidayCalendar } from '../../kernel/calendar';
import { createDivisionService } from '../../kernel/divisions';
import { createProviderDirectory } from '../../kernel/exchange';
import { createRandom } from '../../seed/random';
import { registryProviders } from '../registry';
import { CASE_COLUMNS, EVENT_COLUMNS } from './case-columns';
import { toCase } from './case-record';
import { itemId, type ServiceItem } from './catalogue';
import { citiesOffering, shippedTemplates } from './item-service';
import { type CaseSeedOptions, generateCase } from './seed-cases';

describe('generateCase', () => {
  let options: CaseSeedOptions;
  beforeAll(() => {
    const divisions = createDivisionService();
    const directory = createProviderDirectory(registryProviders({} as never, divisions));
    const items: ServiceItem[] = shippedTemplates(directory).flatMap((template) =>
      citiesOffering(template).map((cityCode) => ({
        ...template,
        id: itemId(cityCode, template.key),
        cityCode,
        version: 1,
      })),
    );
    options = {
      items,
      residents: [{ type: 'resident', id: '330822199001011237', name: '张三', county: '330822' }],
      enterprises: [{ type: 'enterprise', id: '91330800MA2A0B1C2X', name: '某公司', county: '330802' }],
      counties: Object.fromEntries(
        ['330800', '341000', '350700', '361100'].map((city) => [
          city,
          divisions.counties(city).map((d) => d.code),
        ]),
      ),
      calendar: loadHolidayCalendar(),
      from: '2026-01-05',
      to: '2026-11-27',
      seededBy: 'seed',
    };
  });

  it('writes every column of the case and event tables', () => {
    const generated =
      generateCase(createRandom(1, 'x'), options, 1) ?? generateCase(createRandom(2, 'x'), options, 2);
    expect(generated).not.toBeNull();
    expect([...CASE_COLUMNS].sort()).toEqual(Object.keys(generated?.row ?? {}).sort());
    expect([...EVENT_COLUMNS].sort()).toEqual(Object.keys(generated?.events[0] ?? {}).sort());
  });

  it('gives consistent cases: dates in order, states with what they imply, visits and numbers (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 40_000_000 }),
        (seed, serial) => {
          const generated = generateCase(createRandom(seed, 'cases'), options, serial);
          if (!generated) return;
          const c = toCase(generated.row);
          expect(c.id).toMatch(/^\d{22}$/);
          expect(c.id.slice(0, 6)).toBe(`${c.handlingDivision.slice(0, 4)}00`);
          expect(c.submittedAt.slice(0, 10) >= options.from && c.submittedAt.slice(0, 10) <= options.to).toBe(
            true,
          );
          const accepted = !['submitted', 'forwarded', 'withdrawn'].includes(c.state);
          expect(c.acceptedOn !== null).toBe(accepted);
          if (c.acceptedOn) expect(c.acceptedOn >= c.submittedAt.slice(0, 10)).toBe(true);
          if (c.dueOn && c.acceptedOn) expect(c.dueOn >= c.acceptedOn).toBe(true);
          expect(c.workingDays !== null).toBe(['approved', 'denied', 'delivered'].includes(c.state));
          if (c.decidedAt) expect(c.decidedAt.slice(0, 10) <= options.to).toBe(true);
          expect(c.visits).toBeGreaterThanOrEqual(c.channel === 'window' ? 1 : 0);
          expect(c.mode === 'local').toBe(c.receivingDivision === c.handlingDivision);
          expect(generated.events[0]?.action).toBe('submit');
          expect(generated.events.every((e) => e.case_id === c.id)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
