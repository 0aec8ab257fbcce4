import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonthsToDate, fromDayNumber, toDayNumber } from '../../kernel/calendar';
import { type Dimension, recordTypes } from './record-types';
import {
  computeScore,
  computeScoreTotals,
  RECORD_STATUSES,
  type RecordStatus,
  type ScoredRecord,
  strengthOn,
  typeMap,
} from './score';
import { type ScoreModel, shippedModels, tierOf } from './score-model';

const types = recordTypes();
const catalogue = typeMap(types);
const model = shippedModels().find((m) => m.version === '2026.1')!;
const ASOF = '2026-12-04';
const START = toDayNumber('2022-01-01');
const END = toDayNumber('2029-12-31');

let serial = 0;
const record = (type: string, quantity: number, occurredOn = ASOF): ScoredRecord => ({
  id: `w${serial++}`,
  type,
  quantity,
  occurredOn,
  validUntil: addMonthsToDate(occurredOn, catalogue.get(type)!.validityMonths),
  status: 'active',
});
/** 'blood_donation:4 tax_arrears:1' → records dated ASOF. */
const many = (spec: string) =>
  spec.split(/\s+/).map((item) => {
    const [type, quantity] = item.split(':');
    return record(type!, Number(quantity));
  });
const scoreOf = (records: readonly ScoredRecord[], asOf = ASOF, m: ScoreModel = model) =>
  computeScore(m, catalogue, records, asOf);
const dimension = (records: readonly ScoredRecord[], code: Dimension) =>
  scoreOf(records).dimensions.find((d) => d.code === code)!;

const codesOf = (polarity?: 'positive' | 'negative') =>
  types.filter((t) => !polarity || t.polarity === polarity).map((t) => t.code);
const dayArb = fc.integer({ min: START, max: END });
const asOfArb = dayArb.map(fromDayNumber);
const recordArb = (codes: string[], statuses: readonly RecordStatus[] = RECORD_STATUSES) =>
  fc
    .record({
      type: fc.constantFrom(...codes),
      quantity: fc.oneof(
        fc.integer({ min: 0, max: 1200 }),
        fc.double({ min: 0, max: 300, noNaN: true, noDefaultInfinity: true }),
      ),
      from: dayArb,
      length: fc.integer({ min: 1, max: 1500 }),
      status: fc.constantFrom(...statuses),
    })
    .map(({ from, length, ...r }) => ({
      ...r,
      id: '',
      occurredOn: fromDayNumber(from),
      validUntil: fromDayNumber(from + length),
    }));
const withIds = (records: ScoredRecord[], prefix = 'r') =>
  records.map((r, i) => ({ ...r, id: `${prefix}${i}` }));
const recordsArb = fc.array(recordArb(codesOf()), { maxLength: 25 }).map((rs) => withIds(rs));

describe('computeScore on the shipped 2026.1 model (worked examples)', () => {
  it('household registration + 12 months utilities + 12 months social insurance = 644, good', () => {
    const score = scoreOf(many('household_registration:1 utility_on_time:12 social_insurance_continuity:12'));
    expect(score.score).toBe(644);
    expect(score.tier).toBe('good');
    expect(score.modelVersion).toBe('2026.1');
    const contributions = Object.fromEntries(score.dimensions.map((d) => [d.code, d.contribution]));
    expect(contributions).toEqual({
      identity: 60,
      law_abiding: 0,
      life: 60,
      economic: 24,
      prosocial: 0,
      green: 0,
    });
  });

  it('a court enforcement half-way through its validity takes 75 points', () => {
    const occurredOn = '2026-01-01';
    const enforcement = record('court_enforcement', 1, occurredOn);
    expect(enforcement.validUntil).toBe('2029-01-01'); // 36 months, 1096 days
    const halfway = addDays(occurredOn, 548);
    const score = scoreOf([enforcement], halfway);
    expect(score.score).toBe(425);
    expect(score.tier).toBe('improving');
    expect(score.impacts).toEqual([
      { id: enforcement.id, type: 'court_enforcement', dimension: 'law_abiding', points: -75, strength: 0.5 },
    ]);
    expect(scoreOf([enforcement], occurredOn).score).toBe(350);
    expect(scoreOf([enforcement], enforcement.validUntil).score).toBe(500);
  });

  it('a blood donation adds 30 and a month of green life rounds to whole points', () => {
    expect(scoreOf([record('blood_donation', 1)]).score).toBe(530);
    expect(scoreOf([record('green_life', 52)]).score).toBe(510); // 10.4
    expect(scoreOf([record('green_life', 53)]).score).toBe(511); // 10.6
  });

  it('caps a dimension and reports what limited it', () => {
    const prosocial = many('volunteer_service:200 blood_donation:4 youli_good_deed:1');
    expect(dimension(prosocial, 'prosocial')).toMatchObject({
      raw: 360,
      contribution: 150,
      limitedBy: 'cap',
    });
    expect(scoreOf(prosocial).score).toBe(650);
    const fines = many('traffic_violation:20 court_enforcement:1 court_enforcement:1');
    expect(dimension(fines, 'law_abiding')).toMatchObject({
      raw: -500,
      contribution: -300,
      limitedBy: 'floor',
    });
  });

  it('units beyond a type’s maximum count at the maximum; negative quantities count nothing', () => {
    expect(scoreOf([record('blood_donation', 9)]).score).toBe(620);
    expect(scoreOf([record('blood_donation', -3)]).score).toBe(500);
  });

  it('reaches the model’s max and min, where the dimensions would overshoot', () => {
    const best = many(`household_registration:1 skill_certificate:5 utility_on_time:12 youli_good_deed:1
      social_insurance_continuity:36 provident_fund_continuity:36 volunteer_service:200 green_life:1000`);
    expect(scoreOf(best)).toMatchObject({ score: 1000, tier: 'outstanding' }); // 1010 before the range
    const worst = many(`court_enforcement:1 court_enforcement:1 utility_arrears:3 utility_arrears:3
      tax_arrears:1 tax_arrears:1 tax_arrears:1`);
    expect(scoreOf(worst)).toMatchObject({ score: 0, tier: 'improving' }); // -100 before the range
  });
});

describe('strengthOn', () => {
  const span = fc
    .tuple(dayArb, fc.integer({ min: 1, max: 1200 }))
    .map(([from, length]) => ({ from, until: from + length }));

  it('is 0 before the fact and from validUntil on, whatever the decay', () => {
    fc.assert(
      fc.property(
        span,
        fc.integer({ min: 1, max: 5000 }),
        fc.constantFrom('linear', 'none'),
        (s, d, decay) => {
          const r = { occurredOn: fromDayNumber(s.from), validUntil: fromDayNumber(s.until) };
          expect(strengthOn(r, decay, fromDayNumber(s.from - d))).toBe(0);
          expect(strengthOn(r, decay, fromDayNumber(s.until))).toBe(0);
          expect(strengthOn(r, decay, fromDayNumber(s.until + d - 1))).toBe(0);
        },
      ),
    );
  });

  it('linear: 1 on the day of the fact, falling strictly each day to 0 at validUntil; none: 1 throughout', () => {
    fc.assert(
      fc.property(span, ({ from, until }) => {
        const r = { occurredOn: fromDayNumber(from), validUntil: fromDayNumber(until) };
        let previous = Number.POSITIVE_INFINITY;
        for (let day = from; day <= until; day++) {
          const linear = strengthOn(r, 'linear', fromDayNumber(day));
          expect(linear).toBeCloseTo((until - day) / (until - from), 12);
          expect(linear).toBeLessThan(previous);
          if (day === from) expect(linear).toBe(1);
          if (day < until) expect(strengthOn(r, 'none', fromDayNumber(day))).toBe(1);
          previous = linear;
        }
        expect(previous).toBe(0);
      }),
      { numRuns: 30 },
    );
  });

  it('is 0 for an empty or inverted validity', () => {
    expect(strengthOn({ occurredOn: ASOF, validUntil: ASOF }, 'linear', ASOF)).toBe(0);
    expect(strengthOn({ occurredOn: ASOF, validUntil: addDays(ASOF, -1) }, 'none', ASOF)).toBe(0);
  });
});

describe('computeScore properties', () => {
  const sameScore = (a: ReturnType<typeof scoreOf>, b: ReturnType<typeof scoreOf>) => {
    expect(a.score).toBe(b.score);
    expect(a.dimensions).toEqual(b.dimensions);
  };

  it('is an integer within [min, max], in the tier of its score, with each dimension within [-floor, cap]', () => {
    fc.assert(
      fc.property(recordsArb, asOfArb, (records, asOf) => {
        const score = scoreOf(records, asOf);
        expect(Number.isInteger(score.score)).toBe(true);
        expect(score.score).toBeGreaterThanOrEqual(model.min);
        expect(score.score).toBeLessThanOrEqual(model.max);
        expect(score.tier).toBe(tierOf(model, score.score).code);
        for (const d of score.dimensions) {
          expect(d.contribution).toBeGreaterThanOrEqual(-d.floor);
          expect(d.contribution).toBeLessThanOrEqual(d.cap);
          // `weighted` is shown rounded to cents, so compare what the limit did rather than re-derive it.
          const expected = d.limitedBy === 'cap' ? d.cap : d.limitedBy === 'floor' ? -d.floor : d.weighted;
          expect(d.contribution).toBe(expected);
          if (d.limitedBy === 'cap') expect(d.weighted).toBeGreaterThanOrEqual(d.cap);
          if (d.limitedBy === 'floor') expect(d.weighted).toBeLessThanOrEqual(-d.floor);
          if (d.limitedBy === null) expect(d.weighted >= -d.floor && d.weighted <= d.cap).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers the score or any dimension when a positive record is added, anywhere in the list', () => {
    fc.assert(
      fc.property(
        recordsArb,
        recordArb(codesOf('positive')),
        fc.nat(),
        asOfArb,
        (records, extra, at, asOf) => {
          const more = [...records];
          more.splice(at % (records.length + 1), 0, { ...extra, id: 'extra' });
          const before = scoreOf(records, asOf);
          const after = scoreOf(more, asOf);
          expect(after.score).toBeGreaterThanOrEqual(before.score);
          for (const [i, d] of after.dimensions.entries())
            expect(d.contribution).toBeGreaterThanOrEqual(before.dimensions[i]!.contribution);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never raises the score or any dimension when a negative record is added', () => {
    fc.assert(
      fc.property(recordsArb, recordArb(codesOf('negative')), asOfArb, (records, extra, asOf) => {
        const before = scoreOf(records, asOf);
        const after = scoreOf([...records, { ...extra, id: 'extra' }], asOf);
        expect(after.score).toBeLessThanOrEqual(before.score);
        for (const [i, d] of after.dimensions.entries())
          expect(d.contribution).toBeLessThanOrEqual(before.dimensions[i]!.contribution);
      }),
      { numRuns: 300 },
    );
  });

  it('counts withdrawn and repaired records as nothing, and disputed records as active ones', () => {
    fc.assert(
      fc.property(recordsArb, asOfArb, (records, asOf) => {
        const counting = records.filter((r) => r.status === 'active' || r.status === 'disputed');
        sameScore(scoreOf(records, asOf), scoreOf(counting, asOf));
        const undisputed = records.map((r) =>
          r.status === 'disputed' ? { ...r, status: 'active' as const } : r,
        );
        expect(scoreOf(undisputed, asOf)).toEqual(scoreOf(records, asOf));
        const ids = new Set(scoreOf(records, asOf).impacts.map((i) => i.id));
        for (const r of records) if (!counting.includes(r)) expect(ids.has(r.id)).toBe(false);
      }),
    );
  });

  it('counts records of a type unknown to the catalogue or unpriced by the model as nothing', () => {
    const { green_life: _, ...priced } = model.types;
    const unpricedGreen = { ...model, types: priced };
    fc.assert(
      fc.property(
        recordsArb,
        recordArb(['lottery_win', 'green_life'], ['active']),
        asOfArb,
        (records, odd, asOf) => {
          const m = odd.type === 'green_life' ? unpricedGreen : model;
          const plain = records.filter((r) => r.type !== 'green_life');
          sameScore(scoreOf([...plain, { ...odd, id: 'odd' }], asOf, m), scoreOf(plain, asOf, m));
        },
      ),
    );
  });

  it('does not depend on the order of the records', () => {
    const pairs = recordsArb.chain((rs) =>
      fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length })),
    );
    fc.assert(
      fc.property(pairs, asOfArb, ([records, shuffled], asOf) => {
        expect(scoreOf(shuffled, asOf)).toEqual(scoreOf(records, asOf));
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and leaves its inputs untouched', () => {
    fc.assert(
      fc.property(recordsArb, asOfArb, (records, asOf) => {
        const copy = structuredClone(records);
        const first = scoreOf(records, asOf);
        expect(scoreOf(records, asOf)).toEqual(first);
        expect(records).toEqual(copy);
        expect(first.asOf).toBe(asOf);
      }),
    );
  });

  it('lists every counting record in force with its signed effect, largest weighted effect first', () => {
    fc.assert(
      fc.property(recordsArb, asOfArb, (records, asOf) => {
        const { impacts } = scoreOf(records, asOf);
        const byId = new Map(records.map((r) => [r.id, r]));
        for (const impact of impacts) {
          const r = byId.get(impact.id)!;
          const sign = Math.sign(model.types[r.type]!.pointsPerUnit);
          expect(Math.sign(impact.points) * sign).not.toBe(-1);
          expect(impact.strength).toBeGreaterThan(0);
          expect(asOf >= r.occurredOn && asOf < r.validUntil).toBe(true);
        }
        const effects = impacts.map((i) => Math.abs(i.points)); // every 2026.1 weight is 1
        expect(effects).toEqual([...effects].sort((a, b) => b - a));
      }),
    );
  });
});

describe('computeScoreTotals', () => {
  it('gives computeScore’s score, tier and dimensions without the impacts', () => {
    fc.assert(
      fc.property(recordsArb, asOfArb, (records, asOf) => {
        const { impacts, ...full } = scoreOf(records, asOf);
        expect(computeScoreTotals(model, catalogue, records, asOf)).toEqual({ ...full, impacts: [] });
      }),
    );
  });
});
