import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../kernel/calendar';
import { createRandom } from '../../seed/random';
import { recordType } from './record-types';
import { recordsFor, SeedDates, type SeedResident } from './seed-records';

const TODAY = '2026-12-05';

/** A resident born `age` years (and some days) before TODAY; the ID only has to carry the birth date. */
function residentAged(age: number, n: number): SeedResident {
  const birthDate = addDays(`${2026 - age}-12-05`, -(n % 300));
  return {
    residentId: `330802${birthDate.replaceAll('-', '')}${String(n % 1000).padStart(3, '0')}X`,
    divisionCode: '330802001001',
    birthDate,
  };
}

describe('SeedDates.monthEnd', () => {
  it('is the last day of the month that many months back', () => {
    const dates = new SeedDates(TODAY);
    expect(dates.monthEnd(1)).toBe('2026-11-30');
    expect(dates.monthEnd(10)).toBe('2026-02-28');
    expect(dates.monthEnd(12)).toBe('2025-12-31');
    expect(new SeedDates('2024-03-31').monthEnd(1)).toBe('2024-02-29');
    expect(new SeedDates('2026-01-01').monthEnd(1)).toBe('2025-12-31');
  });

  it('is always a month end before today and the day before the next month starts', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2090-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: 24 }),
        (day, back) => {
          const today = day.toISOString().slice(0, 10);
          const end = new SeedDates(today).monthEnd(back);
          expect(end < today).toBe(true);
          // The next day is the first of a month.
          expect(addDays(end, 1).slice(8)).toBe('01');
          const months =
            (Number(today.slice(0, 4)) - Number(end.slice(0, 4))) * 12 +
            Number(today.slice(5, 7)) -
            Number(end.slice(5, 7));
          expect(months).toBe(back);
        },
      ),
    );
  });
});

describe('recordsFor', () => {
  const dates = new SeedDates(TODAY);
  const random = createRandom(20261205, 'credit:records:test');
  const adults = Array.from({ length: 20_000 }, (_, n) => residentAged(18 + (n % 70), n));
  const histories = adults.map((resident) => recordsFor(resident, random, dates, '2026-12-05T00:00:00.000Z'));
  const all = histories.flat();

  it('gives minors no records', () => {
    expect(recordsFor(residentAged(17, 1), random, dates, '2026-12-05T00:00:00.000Z')).toEqual([]);
  });

  it('seeds only records in force today, of known types, within their unit caps', () => {
    // Checked row by row, asserted once: 190,000 expect() calls would take seconds.
    const wrong = all.filter(([, , , , , type, department, quantity, occurredOn, validUntil]) => {
      const t = recordType(type);
      return (
        !t ||
        t.department !== department ||
        !(occurredOn <= TODAY && TODAY < validUntil) ||
        !(quantity > 0 && quantity <= t.maxQuantity)
      );
    });
    expect(all.length).toBeGreaterThan(100_000);
    expect(wrong).toEqual([]);
  });

  it('gives about 3 in 10 adults green-life records: whole kilograms, one per closed month at most, dated its last day', () => {
    const monthEnds = new Set(Array.from({ length: 12 }, (_, i) => dates.monthEnd(i + 1)));
    let users = 0;
    for (const history of histories) {
      const green = history.filter((row) => row[5] === 'green_life');
      if (green.length > 0) users++;
      const days = green.map((row) => row[8]);
      expect(new Set(days).size).toBe(days.length);
      for (const row of green) {
        expect(monthEnds.has(row[8])).toBe(true);
        expect(Number.isInteger(row[7]) && row[7] >= 1 && row[7] <= 25).toBe(true);
        expect(row[6]).toBe('ecology');
      }
    }
    // 0.3 × (1 − 0.5¹²) of adults; 20,000 draws put the share within ±0.02 with room to spare.
    expect(users / adults.length).toBeGreaterThan(0.28);
    expect(users / adults.length).toBeLessThan(0.32);
  });

  it('makes about 9.5 records per adult, so the full city (2.15M adults) has about 20M', () => {
    const perAdult = all.length / adults.length;
    expect(perAdult).toBeGreaterThan(8.5);
    expect(perAdult).toBeLessThan(10.5);
  });

  it('keeps negatives rare and volunteering occasional: most residents are ordinary', () => {
    const negative = new Set(['court_enforcement', 'tax_arrears', 'traffic_violation', 'utility_arrears']);
    const share = (test: (type: string) => boolean) =>
      histories.filter((history) => history.some((row) => test(row[5]))).length / histories.length;
    // Rates of the generator: 7 % traffic, 2 % arrears, 0.5 % court, 0.4 % tax of working age.
    expect(share((type) => negative.has(type))).toBeGreaterThan(0.07);
    expect(share((type) => negative.has(type))).toBeLessThan(0.12);
    expect(share((type) => type === 'volunteer_service')).toBeGreaterThan(0.12);
    expect(share((type) => type === 'volunteer_service')).toBeLessThan(0.16);
    expect(share((type) => type === 'court_enforcement')).toBeLessThan(0.01);
  });
});
