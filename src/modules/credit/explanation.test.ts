import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonthsToDate, fromDayNumber, toDayNumber } from '../../kernel/calendar';
import { explainScore } from './explanation';
import { recordTypes } from './record-types';
import { computeScore, RECORD_STATUSES, type ScoredRecord, typeMap } from './score';
import { shippedModels } from './score-model';

const types = recordTypes();
const catalogue = typeMap(types);
const model = shippedModels().find((m) => m.version === '2026.1')!;
const ASOF = '2026-12-04';
const START = toDayNumber('2023-01-01');

let serial = 0;
const record = (type: string, quantity: number, extra: Partial<ScoredRecord> = {}): ScoredRecord => ({
  id: `w${serial++}`,
  type,
  quantity,
  occurredOn: ASOF,
  validUntil: addMonthsToDate(ASOF, catalogue.get(type)!.validityMonths),
  status: 'active',
  ...extra,
});
const explain = (records: readonly ScoredRecord[], asOf = ASOF) =>
  explainScore(model, catalogue, records, asOf);
const scoreOf = (records: readonly ScoredRecord[], asOf: string) =>
  computeScore(model, catalogue, records, asOf).score;

const recordsArb = fc
  .array(
    fc.record({
      type: fc.constantFrom(...types.map((t) => t.code)),
      quantity: fc.integer({ min: 1, max: 250 }),
      from: fc.integer({ min: START, max: START + 1400 }),
      length: fc.integer({ min: 1, max: 1100 }),
      status: fc.constantFrom(...RECORD_STATUSES),
    }),
    { maxLength: 20 },
  )
  .map((rs) =>
    rs.map(
      ({ from, length, ...r }, i): ScoredRecord => ({
        ...r,
        id: `r${i}`,
        occurredOn: fromDayNumber(from),
        validUntil: fromDayNumber(from + length),
      }),
    ),
  );
const asOfArb = fc.integer({ min: START, max: START + 1500 }).map(fromDayNumber);

describe('explainScore on the shipped 2026.1 model', () => {
  it('suggests each positive step the resident can take, priced by the model, best first', () => {
    const records = [
      record('household_registration', 1),
      record('utility_on_time', 12),
      record('social_insurance_continuity', 12),
    ];
    const explanation = explain(records);
    expect(explanation.score.score).toBe(644);
    // Life is at its cap of 60, so a further 12 months of utilities gains nothing and is not suggested.
    expect(explanation.suggestions).toEqual([
      { kind: 'add', type: 'youli_good_deed', quantity: 1, gain: 40 },
      { kind: 'add', type: 'blood_donation', quantity: 1, gain: 30 },
      { kind: 'add', type: 'provident_fund_continuity', quantity: 12, gain: 24 },
      { kind: 'add', type: 'social_insurance_continuity', quantity: 12, gain: 24 },
      { kind: 'add', type: 'green_life', quantity: 100, gain: 20 },
      { kind: 'add', type: 'volunteer_service', quantity: 20, gain: 20 },
      { kind: 'add', type: 'skill_certificate', quantity: 1, gain: 10 },
    ]);
  });

  it('suggests repairing a repairable negative record at what repair would restore, not an unrepairable one', () => {
    const halfway = addDays('2026-01-01', 548);
    const enforcement = record('court_enforcement', 1, {
      occurredOn: '2026-01-01',
      validUntil: '2029-01-01',
    });
    const violation = record('traffic_violation', 3, {
      occurredOn: halfway,
      validUntil: addDays(halfway, 365),
    });
    const { suggestions, topRecords } = explain([enforcement, violation], halfway);
    expect(suggestions.filter((s) => s.kind === 'repair')).toEqual([
      { kind: 'repair', type: 'court_enforcement', recordId: enforcement.id, gain: 75 },
    ]);
    expect(topRecords.map((r) => [r.id, r.points])).toEqual([
      [enforcement.id, -75],
      [violation.id, -30],
    ]);
  });

  it('does not suggest repairing a record already withdrawn, repaired or expired', () => {
    const arrears = (extra: Partial<ScoredRecord>) => record('utility_arrears', 1, extra);
    const records = [
      arrears({ status: 'withdrawn' }),
      arrears({ status: 'repaired' }),
      arrears({ occurredOn: '2024-01-01', validUntil: '2025-01-01' }),
    ];
    expect(explain(records).suggestions.filter((s) => s.kind === 'repair')).toEqual([]);
    const disputed = arrears({ status: 'disputed' });
    expect(explain([disputed]).suggestions.filter((s) => s.kind === 'repair')).toEqual([
      { kind: 'repair', type: 'utility_arrears', recordId: disputed.id, gain: 30 },
    ]);
  });

  it('suggests nothing for a resident at every cap, and no repair where the floor hides the record', () => {
    const best = [
      record('household_registration', 1),
      record('skill_certificate', 5),
      record('utility_on_time', 12),
      record('social_insurance_continuity', 36),
      record('provident_fund_continuity', 36),
      record('volunteer_service', 200),
      record('green_life', 1000),
    ];
    expect(explain(best).suggestions).toEqual([]);
    // −450 is held at the floor of −300: repairing one of three enforcements still leaves −300.
    const three = [1, 2, 3].map(() => record('court_enforcement', 1));
    expect(explain(three).suggestions.filter((s) => s.kind === 'repair')).toEqual([]);
  });

  it('keeps at most `top` records', () => {
    const records = ['blood_donation', 'youli_good_deed', 'volunteer_service'].map((t) => record(t, 1));
    expect(explainScore(model, catalogue, records, ASOF, 2).topRecords.map((r) => r.type)).toEqual([
      'youli_good_deed',
      'blood_donation',
    ]);
  });
});

describe('explainScore properties', () => {
  it('prices every suggestion at the real re-scored difference, always a gain', () => {
    fc.assert(
      fc.property(recordsArb, asOfArb, (records, asOf) => {
        const { score, suggestions } = explain(records, asOf);
        for (const s of suggestions) {
          expect(s.gain).toBeGreaterThan(0);
          const changed =
            s.kind === 'add'
              ? [...records, record(s.type, s.quantity, { occurredOn: asOf, validUntil: addDays(asOf, 365) })]
              : records.map((r) => (r.id === s.recordId ? { ...r, status: 'withdrawn' as const } : r));
          expect(scoreOf(changed, asOf) - score.score).toBe(s.gain);
        }
        const gains = suggestions.map((s) => s.gain);
        expect(gains).toEqual([...gains].sort((a, b) => b - a));
      }),
      { numRuns: 200 },
    );
  });

  it('suggests every positive step that would gain, and none for a dimension already at its cap', () => {
    fc.assert(
      fc.property(recordsArb, asOfArb, (records, asOf) => {
        const { score, suggestions } = explain(records, asOf);
        const capped = new Set(score.dimensions.filter((d) => d.contribution >= d.cap).map((d) => d.code));
        const added = new Map(suggestions.flatMap((s) => (s.kind === 'add' ? [[s.type, s]] : [])));
        for (const type of types) {
          const step = record(type.code, type.suggestedStep, {
            occurredOn: asOf,
            validUntil: addDays(asOf, 1),
          });
          const gains =
            type.polarity === 'positive' &&
            type.suggestedStep > 0 &&
            scoreOf([...records, step], asOf) > score.score;
          expect(added.has(type.code)).toBe(gains);
          if (capped.has(type.dimension)) expect(added.has(type.code)).toBe(false);
          if (gains) expect(added.get(type.code)!.quantity).toBe(type.suggestedStep);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('offers repair only for counting, repairable, negative records in force', () => {
    fc.assert(
      fc.property(recordsArb, asOfArb, (records, asOf) => {
        const byId = new Map(records.map((r) => [r.id, r]));
        for (const s of explain(records, asOf).suggestions) {
          if (s.kind !== 'repair') continue;
          const r = byId.get(s.recordId)!;
          const type = catalogue.get(r.type)!;
          expect(type.repairable && type.polarity === 'negative').toBe(true);
          expect(['active', 'disputed']).toContain(r.status);
          expect(asOf >= r.occurredOn && asOf < r.validUntil).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('lists the top records by absolute weighted effect, taken from the score’s impacts', () => {
    fc.assert(
      fc.property(recordsArb, asOfArb, fc.integer({ min: 0, max: 8 }), (records, asOf, top) => {
        const { score, topRecords } = explainScore(model, catalogue, records, asOf, top);
        expect(topRecords).toEqual(score.impacts.slice(0, top));
        const weight = new Map(model.dimensions.map((d) => [d.code, d.weight]));
        const effects = score.impacts.map((i) => Math.abs(i.points * weight.get(i.dimension)!));
        expect(effects).toEqual([...effects].sort((a, b) => b - a));
      }),
    );
  });
});
