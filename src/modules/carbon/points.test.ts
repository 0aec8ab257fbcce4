import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeResidentId } from '../../kernel/identity';
import type { BehaviourEvent } from './behaviour-events';
import type { Behaviour, BehaviourCatalogue } from './behaviours';
import { loadBehaviourCatalogue } from './load-behaviours';
import {
  assessBatch,
  assessBehaviour,
  dayKey,
  expiryDate,
  inAssessmentOrder,
  isoOfMillis,
  parsePointsConfig,
  reversalOf,
  usageKey,
} from './points';

const config = { gramsPerPoint: 10 };
const catalogue = loadBehaviourCatalogue();
const behaviour = (code: string): Behaviour => {
  const found = catalogue.get(code);
  if (!found) throw new Error(code);
  return found;
};
const ALICE = makeResidentId('330802', '1990-01-01', 123);
const BOB = makeResidentId('330822', '1985-06-30', 44);

describe('dayKey', () => {
  it('counts days in Asia/Shanghai whatever offset the source used', () => {
    expect(dayKey('2026-03-01T15:59:59Z')).toBe('2026-03-01');
    expect(dayKey('2026-03-01T16:00:00Z')).toBe('2026-03-02');
    expect(dayKey('2026-03-02T00:00:00+08:00')).toBe('2026-03-02');
    expect(dayKey('2026-03-01T23:59:59.999+08:00')).toBe('2026-03-01');
    expect(dayKey('2026-03-01T11:30:00-05:00')).toBe('2026-03-02');
    expect(dayKey('2026-12-31T16:00:00.000000001Z')).toBe('2027-01-01');
  });

  it('refuses timestamps without an offset or with impossible dates', () => {
    expect(() => dayKey('2026-03-01T08:00:00')).toThrow(RangeError);
    expect(() => dayKey('2026-02-30T08:00:00+08:00')).toThrow(RangeError);
  });
});

describe('expiryDate', () => {
  it('adds the configured months to the Shanghai earning day, clamped to month end', () => {
    expect(expiryDate('2026-03-15T10:00:00+08:00', { expiryMonths: 24 })).toBe('2028-03-15');
    expect(expiryDate('2028-02-29T10:00:00+08:00', { expiryMonths: 12 })).toBe('2029-02-28');
    expect(expiryDate('2026-01-31T08:00:00+08:00', { expiryMonths: 1 })).toBe('2026-02-28');
    // 20:00 UTC on Jan 31 is already Feb 1 in Quzhou.
    expect(expiryDate('2026-01-31T20:00:00Z', { expiryMonths: 24 })).toBe('2028-02-01');
    expect(expiryDate('2026-11-30T08:00:00+08:00', { expiryMonths: 120 })).toBe('2036-11-30');
  });
});

describe('assessBehaviour', () => {
  it('credits grams and points, rounding on the running daily total', () => {
    const trips = [0, 1, 2].map((used) =>
      assessBehaviour(catalogue, config, { behaviour: 'bus_trip', amount: 1 }, used),
    );
    expect(trips.map((trip) => trip.grams)).toEqual([134, 135, 134]);
    expect(trips.map((trip) => trip.points)).toEqual([13, 13, 14]);
    // Three trips in one event earn what three separate trips earn: floor(403.5 g / 10).
    expect(assessBehaviour(catalogue, config, { behaviour: 'bus_trip', amount: 3 }, 0)).toEqual({
      creditedUnits: 3,
      grams: 403,
      points: 40,
      capped: false,
    });
  });

  it('caps at what is left of the day and flags it', () => {
    const ride = assessBehaviour(catalogue, config, { behaviour: 'shared_bike_km', amount: 4 }, 27.5);
    expect(ride).toMatchObject({ creditedUnits: 2.5, capped: true });
    expect(ride.grams).toBe(Math.floor(30 * 46.7) - Math.floor(27.5 * 46.7));
    expect(assessBehaviour(catalogue, config, { behaviour: 'shared_bike_km', amount: 1 }, 30)).toEqual({
      creditedUnits: 0,
      grams: 0,
      points: 0,
      capped: true,
    });
    // A cap lowered after the fact leaves nothing, never a negative credit.
    expect(assessBehaviour(catalogue, config, { behaviour: 'bus_trip', amount: 1 }, 9).creditedUnits).toBe(0);
  });

  it('adds decimal amounts without drift (0.1 + 0.2 km)', () => {
    const first = assessBehaviour(catalogue, config, { behaviour: 'metro_km', amount: 0.1 }, 0);
    const second = assessBehaviour(catalogue, config, { behaviour: 'metro_km', amount: 0.2 }, 0.1);
    expect(first.grams + second.grams).toBe(Math.floor(0.3 * 46.7));
  });

  it('refuses what parsing should have caught', () => {
    expect(() => assessBehaviour(catalogue, config, { behaviour: 'teleport', amount: 1 }, 0)).toThrow(
      RangeError,
    );
    expect(() => assessBehaviour(catalogue, config, { behaviour: 'bus_trip', amount: 0 }, 0)).toThrow(
      RangeError,
    );
  });
});

// Random events for two people, three behaviours (whole, decimal and tiny per-unit figures) and two days.
const CODES = ['bus_trip', 'metro_km', 'paperless_bill'] as const;
const eventArbitrary = fc.record({
  eventId: fc.string({ minLength: 1, maxLength: 6 }),
  subjectId: fc.constantFrom(ALICE, BOB),
  behaviour: fc.constantFrom(...CODES),
  amount: fc.integer({ min: 1, max: 40_000 }).map((milli) => milli / 1000),
  occurredAt: fc
    .integer({ min: 0, max: 2 * 86_400 - 1 })
    .map((second) => new Date(Date.UTC(2026, 2, 1, -8, 0, second)).toISOString()),
});
const eventsArbitrary = fc.uniqueArray(eventArbitrary, { selector: (event) => event.eventId, maxLength: 40 });

interface Totals {
  units: number;
  grams: number;
  points: number;
}

function totalsByDay(results: ReturnType<typeof assessBatch>['results']): Map<string, Totals> {
  const totals = new Map<string, Totals>();
  for (const { event, day, assessment } of results) {
    const key = usageKey(event.subjectId, event.behaviour, day);
    const sum = totals.get(key) ?? { units: 0, grams: 0, points: 0 };
    totals.set(key, {
      units: sum.units + Math.round(assessment.creditedUnits * 1000),
      grams: sum.grams + assessment.grams,
      points: sum.points + assessment.points,
    });
  }
  return totals;
}

const behaviourOfKey = (key: string): Behaviour => behaviour(key.split('|')[1] ?? '');

describe('assessBatch', () => {
  it('never credits a person more than the daily cap, and sums to the daily aggregate exactly', () => {
    fc.assert(
      fc.property(eventsArbitrary, (events) => {
        for (const [key, total] of totalsByDay(assessBatch(catalogue, config, events).results)) {
          const { dailyCapUnits, gramsPerUnit } = behaviourOfKey(key);
          expect(total.units).toBeLessThanOrEqual(dailyCapUnits * 1000);
          const aggregateGrams = Math.floor((total.units * Math.round(gramsPerUnit * 1000)) / 1e6);
          expect(total.grams).toBe(aggregateGrams);
          expect(total.points).toBe(Math.floor(aggregateGrams / config.gramsPerPoint));
          expect(total.points).toBeLessThanOrEqual((dailyCapUnits * gramsPerUnit) / config.gramsPerPoint);
        }
      }),
    );
  });

  it('gives the same result whatever order the events arrive in', () => {
    fc.assert(
      fc.property(
        eventsArbitrary.chain((events) =>
          fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length })),
        ),
        ([events, shuffled]) => {
          expect(assessBatch(catalogue, config, shuffled)).toEqual(assessBatch(catalogue, config, events));
        },
      ),
    );
  });

  it('earns the same whether a day arrives in one batch or two (usage carried between requests)', () => {
    fc.assert(
      fc.property(eventsArbitrary, fc.nat(), (events, cut) => {
        const whole = assessBatch(catalogue, config, events);
        const ordered = whole.results.map((result) => result.event);
        const split = Math.min(cut, ordered.length);
        const first = assessBatch(catalogue, config, ordered.slice(0, split));
        const second = assessBatch(catalogue, config, ordered.slice(split), first.usedUnits);
        expect([...first.results, ...second.results]).toEqual(whole.results);
        expect(second.usedUnits).toEqual(whole.usedUnits);
      }),
    );
  });

  it('splitting one amount into several events of the same day earns the same as one event', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CODES),
        fc.array(fc.integer({ min: 1, max: 5_000 }), { minLength: 1, maxLength: 10 }),
        (code, pieces) => {
          const event = (milli: number, index: number): BehaviourEvent => ({
            eventId: `e${index}`,
            subjectId: ALICE,
            behaviour: code,
            amount: milli / 1000,
            occurredAt: `2026-03-01T08:00:${String(index).padStart(2, '0')}+08:00`,
          });
          const split = assessBatch(catalogue, config, pieces.map(event)).results;
          const whole = assessBehaviour(
            catalogue,
            config,
            event(
              pieces.reduce((a, b) => a + b, 0),
              0,
            ),
            0,
          );
          expect(split.reduce((sum, result) => sum + result.assessment.grams, 0)).toBe(whole.grams);
          expect(split.reduce((sum, result) => sum + result.assessment.points, 0)).toBe(whole.points);
        },
      ),
    );
  });

  it('starts from the usage already recorded and refuses duplicate event keys', () => {
    const event: BehaviourEvent = {
      eventId: 'x',
      subjectId: ALICE,
      behaviour: 'bus_trip',
      amount: 2,
      occurredAt: '2026-03-01T23:30:00+08:00',
    };
    const used = new Map([[usageKey(ALICE, 'bus_trip', '2026-03-01'), 5]]);
    const { results, usedUnits } = assessBatch(catalogue, config, [event], used);
    expect(results[0]?.assessment).toMatchObject({ creditedUnits: 1, capped: true });
    expect(usedUnits.get(usageKey(ALICE, 'bus_trip', '2026-03-01'))).toBe(6);
    expect(() => assessBatch(catalogue, config, [event, { ...event }])).toThrow('appears twice');
    expect(assessBatch(catalogue, config, [event, { ...event, source: 'other' }]).results).toHaveLength(2);
  });
});

describe('reversalOf', () => {
  it('undoes any assessment exactly', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...catalogue.keys()),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        (code, amountMilli, usedMilli) => {
          const assessment = assessBehaviour(
            catalogue,
            config,
            { behaviour: code, amount: amountMilli / 1000 },
            usedMilli / 1000,
          );
          const reversal = reversalOf(assessment);
          expect(assessment.points + reversal.points).toBe(0);
          expect(assessment.grams + reversal.grams).toBe(0);
          expect(assessment.creditedUnits + reversal.creditedUnits).toBe(0);
          for (const value of Object.values(reversal)) expect(Object.is(value, -0)).toBe(false);
        },
      ),
    );
  });
});

describe('parsePointsConfig', () => {
  it('keeps optional notes and refuses a missing source', () => {
    const base = {
      version: 'v',
      gramsPerPoint: 10,
      expiryMonths: 24,
      nonTransferable: true,
      cashValue: false,
      basis: 'assumption',
      source: 's',
    };
    expect(parsePointsConfig({ ...base, notes: 'n' }).notes).toBe('n');
    expect(() => parsePointsConfig({ ...base, source: '' })).toThrow('source must be');
  });
});

// A catalogue with a single behaviour keeps the cap property visible without the CSV.
describe('caps with a hand-made catalogue', () => {
  it('honours a fractional cap', () => {
    const only: BehaviourCatalogue = new Map([
      ['w', { ...behaviour('waste_kitchen_kg'), code: 'w', dailyCapUnits: 2.5, gramsPerUnit: 200 }],
    ]);
    expect(assessBehaviour(only, config, { behaviour: 'w', amount: 3 }, 0)).toEqual({
      creditedUnits: 2.5,
      grams: 500,
      points: 50,
      capped: true,
    });
  });
});

describe('isoOfMillis', () => {
  it('writes what toISOString writes, for any instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_000_000_000_000, max: 300_000_000_000_000 }), (millis) => {
        expect(isoOfMillis(millis)).toBe(new Date(millis).toISOString());
      }),
      { numRuns: 20_000 },
    );
    for (const edge of [0, 999, 86_399_999, 86_400_000, 253_402_300_799_999, 253_402_300_800_000, -1])
      expect(isoOfMillis(edge)).toBe(new Date(edge).toISOString());
  });
});

describe('inAssessmentOrder', () => {
  const byComparator = (items: { event: { eventId: string; source?: string }; at: number }[]) =>
    [...items].sort(
      (a, b) =>
        a.at - b.at ||
        (a.event.eventId < b.event.eventId ? -1 : a.event.eventId > b.event.eventId ? 1 : 0) ||
        ((a.event.source ?? '') < (b.event.source ?? '')
          ? -1
          : (a.event.source ?? '') > (b.event.source ?? '')
            ? 1
            : 0),
    );
  const item = (at: fc.Arbitrary<number>) =>
    fc.record({
      event: fc.record(
        { eventId: fc.string({ maxLength: 3 }), source: fc.constantFrom('a', 'b') },
        { requiredKeys: ['eventId'] },
      ),
      at,
    });

  it('orders exactly as the comparator does, ties on the instant included', () => {
    const base = 1_790_000_000_000;
    fc.assert(
      fc.property(fc.array(item(fc.integer({ min: base, max: base + 30 })), { maxLength: 300 }), (items) => {
        expect(inAssessmentOrder(items)).toEqual(byComparator(items));
      }),
    );
  });

  it('falls back to the comparator for fractional instants and spans too wide for exact keys', () => {
    fc.assert(
      fc.property(
        fc.array(item(fc.oneof(fc.double({ min: 0, max: 1e15, noNaN: true }), fc.constant(0))), {
          maxLength: 100,
        }),
        (items) => {
          expect(inAssessmentOrder(items)).toEqual(byComparator(items));
        },
      ),
    );
  });

  it('leaves its input as it was', () => {
    const items = [3, 1, 2].map((at) => ({ event: { eventId: String(at) }, at }));
    const sorted = inAssessmentOrder(items);
    expect(sorted.map((i) => i.at)).toEqual([1, 2, 3]);
    expect(items.map((i) => i.at)).toEqual([3, 1, 2]);
  });
});
