import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../kernel/calendar';
import { recordTypes } from './record-types';
import { computeScore, RECORD_STATUSES, typeMap } from './score';
import {
  compareVersions,
  modelProblems,
  type ScoreModel,
  shippedModels,
  tierOf,
  tierRank,
} from './score-model';

const types = recordTypes();
const shipped = shippedModels();
const model = shipped.find((m) => m.version === '2026.1')!;

/** The problem paths of a copy of the shipped model after `change`. */
const pathsAfter = (change: (m: ScoreModel) => void) => {
  const copy = structuredClone(model);
  change(copy);
  return modelProblems(copy, types).map((p) => p.path);
};

describe('modelProblems', () => {
  it('finds nothing wrong with any shipped model', () => {
    expect(shipped.length).toBeGreaterThan(0);
    for (const m of shipped) expect(modelProblems(m, types)).toEqual([]);
  });

  it.each<[string, (m: ScoreModel) => void, string[]]>([
    ['a missing dimension', (m) => m.dimensions.pop(), ['/dimensions']],
    ['a duplicate dimension', (m) => m.dimensions.push({ ...m.dimensions[0]! }), ['/dimensions']],
    [
      'an unknown dimension',
      (m) => Object.assign(m.dimensions[5]!, { code: 'karma' }),
      ['/dimensions', '/dimensions/5/code'],
    ],
    ['a weight above 10', (m) => Object.assign(m.dimensions[0]!, { weight: 11 }), ['/dimensions/0/weight']],
    ['a negative weight', (m) => Object.assign(m.dimensions[0]!, { weight: -1 }), ['/dimensions/0/weight']],
    ['a negative cap', (m) => Object.assign(m.dimensions[1]!, { cap: -5 }), ['/dimensions/1/cap']],
    ['a floor above 1000', (m) => Object.assign(m.dimensions[1]!, { floor: 1001 }), ['/dimensions/1/floor']],
    [
      'a positive type with negative points',
      (m) => Object.assign(m.types.blood_donation!, { pointsPerUnit: -30 }),
      ['/types/blood_donation/pointsPerUnit'],
    ],
    [
      'a negative type with positive points',
      (m) => Object.assign(m.types.court_enforcement!, { pointsPerUnit: 150 }),
      ['/types/court_enforcement/pointsPerUnit'],
    ],
    [
      'points that are not a number',
      (m) => Object.assign(m.types.green_life!, { pointsPerUnit: Number.NaN }),
      ['/types/green_life/pointsPerUnit'],
    ],
    [
      'points beyond ±1000',
      (m) => Object.assign(m.types.tax_arrears!, { pointsPerUnit: -1001 }),
      ['/types/tax_arrears/pointsPerUnit'],
    ],
    [
      'an unknown decay',
      (m) => Object.assign(m.types.green_life!, { decay: 'exponential' }),
      ['/types/green_life/decay'],
    ],
    ['an unpriced type', (m) => delete m.types.youli_good_deed, ['/types/youli_good_deed']],
    [
      'an unknown type',
      (m) => Object.assign(m.types, { lottery_win: { pointsPerUnit: 5, decay: 'none' } }),
      ['/types/lottery_win'],
    ],
    ['tiers not starting at min', (m) => Object.assign(m.tiers[0]!, { min: 10 }), ['/tiers']],
    ['no tiers', (m) => m.tiers.splice(0), ['/tiers']],
    ['tiers out of order', (m) => Object.assign(m.tiers[2]!, { min: 500 }), ['/tiers/2/min']],
    ['two tiers starting together', (m) => Object.assign(m.tiers[4]!, { min: 700 }), ['/tiers/4/min']],
    ['a tier above max', (m) => Object.assign(m.tiers[4]!, { min: 1001 }), ['/tiers/4/min']],
    ['a duplicate tier code', (m) => Object.assign(m.tiers[4]!, { code: 'excellent' }), ['/tiers']],
    [
      'a tier code not in snake_case',
      (m) => Object.assign(m.tiers[1]!, { code: 'Average' }),
      ['/tiers/1/code'],
    ],
    ['a tier without an English name', (m) => Object.assign(m.tiers[1]!, { en: '' }), ['/tiers/1']],
    ['a base above max', (m) => Object.assign(m, { base: 1001 }), ['/base']],
    ['a base below min', (m) => Object.assign(m, { min: 10, base: 5 }), ['/base', '/tiers']],
    [
      'min above max',
      (m) => Object.assign(m, { min: 600, max: 550, base: 560 }),
      ['/max', '/base', '/tiers', '/tiers/2/min', '/tiers/3/min', '/tiers/4/min'],
    ],
    ['max above 1000', (m) => Object.assign(m, { max: 1200 }), ['/max']],
    ['a version without a sequence', (m) => Object.assign(m, { version: '2026' }), ['/version']],
    ['a three-part version', (m) => Object.assign(m, { version: '2026.1.1' }), ['/version']],
    ['a prefixed version', (m) => Object.assign(m, { version: 'v2026.1' }), ['/version']],
    ['a two-digit year', (m) => Object.assign(m, { version: '26.1' }), ['/version']],
  ])('catches %s', (_, change, paths) => {
    expect(pathsAfter(change)).toEqual(paths);
  });

  it('accepts zero points for either polarity (a type may be switched off)', () => {
    expect(
      pathsAfter((m) => {
        m.types.court_enforcement!.pointsPerUnit = 0;
        m.types.blood_donation!.pointsPerUnit = 0;
      }),
    ).toEqual([]);
  });

  it('explains each problem in words', () => {
    const copy = { ...structuredClone(model), version: 'next', base: -1 };
    for (const p of modelProblems(copy, types)) expect(p.message.length).toBeGreaterThan(5);
  });
});

/** Any well-formed model: random range, base, weights, caps, floors, sign-correct points and ascending tiers. */
const modelArb = fc
  .record({
    min: fc.integer({ min: 0, max: 400 }),
    spread: fc.integer({ min: 1, max: 600 }),
    baseShare: fc.double({ min: 0, max: 1, noNaN: true }),
    dims: fc.array(
      fc.record({
        weight: fc.double({ min: 0, max: 10, noNaN: true }),
        cap: fc.integer({ min: 0, max: 1000 }),
        floor: fc.integer({ min: 0, max: 1000 }),
      }),
      { minLength: 6, maxLength: 6 },
    ),
    points: fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), {
      minLength: types.length,
      maxLength: types.length,
    }),
    decay: fc.constantFrom('linear' as const, 'none' as const),
    tierShares: fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true, minExcluded: true }), {
      maxLength: 5,
    }),
  })
  .map(({ min, spread, baseShare, dims, points, decay, tierShares }): ScoreModel => {
    const mins = [...new Set(tierShares.map((share) => min + Math.ceil(share * spread)))].sort(
      (a, b) => a - b,
    );
    return {
      ...model,
      min,
      max: min + spread,
      base: Math.round(min + baseShare * spread),
      dimensions: model.dimensions.map((d, i) => ({ ...d, ...dims[i]! })),
      types: Object.fromEntries(
        types.map((t, i) => [
          t.code,
          { pointsPerUnit: (t.polarity === 'positive' ? 1 : -1) * points[i]!, decay },
        ]),
      ),
      tiers: [min, ...mins].map((tierMin, i) => ({
        code: `tier_${'abcdef'[i]}`,
        min: tierMin,
        zh: '级',
        en: 'Tier',
      })),
    };
  });

const recordsArb = fc.array(
  fc.record({
    id: fc.uuid(),
    type: fc.constantFrom(...types.map((t) => t.code)),
    quantity: fc.integer({ min: 0, max: 1000 }),
    occurredOn: fc.integer({ min: 19_000, max: 20_000 }).map(fromDayNumber),
    validUntil: fc.integer({ min: 19_500, max: 21_000 }).map(fromDayNumber),
    status: fc.constantFrom(...RECORD_STATUSES),
  }),
  { maxLength: 20 },
);

describe('well-formed models', () => {
  it('have no problems, and score every resident as an integer within their range, in the tier it falls in', () => {
    fc.assert(
      fc.property(modelArb, recordsArb, fc.integer({ min: 19_000, max: 21_000 }), (m, records, day) => {
        expect(modelProblems(m, types)).toEqual([]);
        const { score, tier } = computeScore(m, typeMap(types), records, fromDayNumber(day));
        expect(Number.isInteger(score)).toBe(true);
        expect(score).toBeGreaterThanOrEqual(m.min);
        expect(score).toBeLessThanOrEqual(m.max);
        expect(tier).toBe(tierOf(m, score).code);
      }),
    );
  });
});

describe('tierOf and tierRank', () => {
  it.each([
    [0, 'improving'],
    [549, 'improving'],
    [550, 'average'],
    [599, 'average'],
    [600, 'good'],
    [699, 'good'],
    [700, 'excellent'],
    [750, 'excellent'],
    [751, 'outstanding'],
    [1000, 'outstanding'],
  ])('2026.1 puts %d in %s', (score, tier) => {
    expect(tierOf(model, score).code).toBe(tier);
  });

  it('ranks the 2026.1 tiers from improving (0) to outstanding (4), and an unknown code at -1', () => {
    expect(
      ['improving', 'average', 'good', 'excellent', 'outstanding'].map((c) => tierRank(model, c)),
    ).toEqual([0, 1, 2, 3, 4]);
    expect(tierRank(model, 'platinum')).toBe(-1);
  });

  it('gives the highest tier whose min the score reaches, so rank never falls as the score rises', () => {
    fc.assert(
      fc.property(modelArb, fc.double({ min: 0, max: 1, noNaN: true }), (m, share) => {
        const score = Math.round(m.min + share * (m.max - m.min));
        const tier = tierOf(m, score);
        const next = m.tiers[tierRank(m, tier.code) + 1];
        expect(tier.min).toBeLessThanOrEqual(score);
        if (next) expect(next.min).toBeGreaterThan(score);
        if (score < m.max)
          expect(tierRank(m, tierOf(m, score + 1).code)).toBeGreaterThanOrEqual(tierRank(m, tier.code));
      }),
    );
  });
});

describe('compareVersions', () => {
  it('orders by year, then by sequence as a number', () => {
    expect(compareVersions('2026.2', '2026.10')).toBeLessThan(0);
    expect(compareVersions('2026.10', '2026.2')).toBeGreaterThan(0);
    expect(compareVersions('2025.9', '2026.1')).toBeLessThan(0);
    expect(compareVersions('2026.1', '2026.1')).toBe(0);
  });

  it('agrees with the numeric order of (year, sequence) and is antisymmetric', () => {
    const version = fc.tuple(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 0, max: 999 }));
    fc.assert(
      fc.property(version, version, ([ay, as], [by, bs]) => {
        const result = compareVersions(`${ay}.${as}`, `${by}.${bs}`);
        expect(Math.sign(result)).toBe(Math.sign(ay - by || as - bs));
        expect(Math.sign(compareVersions(`${by}.${bs}`, `${ay}.${as}`)) + Math.sign(result)).toBe(0);
      }),
    );
  });

  it('lists the shipped models oldest first', () => {
    const versions = shipped.map((m) => m.version);
    expect(versions).toEqual([...versions].sort(compareVersions));
    expect(toDayNumber(model.publishedOn)).toBeGreaterThan(0);
  });
});
