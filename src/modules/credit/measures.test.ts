import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate } from '../../kernel/calendar';
import { parseUscc } from '../../kernel/identity';
import { inForce, type Measure, qualifies, shippedMeasures } from './measures';
import { shippedModels, tierRank } from './score-model';

const measures = shippedMeasures();
const models = shippedModels();
const model = models.find((m) => m.version === '2026.1')!;
const rank = (code: string) => tierRank(model, code);
const TIERS = model.tiers.map((t) => t.code);

const measure = (overrides: Partial<Measure> = {}): Measure => ({
  ...measures[0]!,
  validFrom: '2026-01-01',
  validUntil: '2027-01-01',
  minTier: 'good',
  ...overrides,
});

describe('shippedMeasures', () => {
  it('ships 22 public measures and the market perks, each with a unique id', () => {
    expect(measures.filter((m) => m.kind === 'public')).toHaveLength(22);
    expect(measures.filter((m) => m.kind === 'market').length).toBeGreaterThan(0);
    expect(measures.every((m) => m.kind === 'public' || m.kind === 'market')).toBe(true);
    expect(new Set(measures.map((m) => m.id)).size).toBe(measures.length);
  });

  it('requires a tier of every shipped model', () => {
    for (const m of measures)
      for (const scoring of models) expect(tierRank(scoring, m.minTier), m.id).toBeGreaterThanOrEqual(0);
  });

  it('names each provider, whose id is a valid USCC', () => {
    for (const m of measures) {
      expect(m.providerZh, m.id).toMatch(/\S/);
      expect(m.providerEn, m.id).toMatch(/\S/);
      expect(parseUscc(m.providerId).ok, m.providerId).toBe(true);
    }
  });

  it('has names, benefits and a validity that starts before it ends', () => {
    for (const m of measures) {
      expect(
        [m.zh, m.en, m.benefitZh, m.benefitEn].every((text) => text.trim().length > 0),
        m.id,
      ).toBe(true);
      expect(isIsoDate(m.validFrom), m.id).toBe(true);
      if (m.validUntil !== null)
        expect(isIsoDate(m.validUntil) && m.validUntil > m.validFrom, m.id).toBe(true);
      expect(typeof m.disclosesTier).toBe('boolean');
    }
  });
});

describe('inForce', () => {
  it('runs from validFrom (inclusive) to validUntil (exclusive), or open-ended', () => {
    const m = measure();
    expect(inForce(m, '2025-12-31')).toBe(false);
    expect(inForce(m, '2026-01-01')).toBe(true);
    expect(inForce(m, '2026-12-31')).toBe(true);
    expect(inForce(m, '2027-01-01')).toBe(false);
    expect(inForce({ ...m, validUntil: null }, '2099-12-31')).toBe(true);
    expect(inForce({ ...m, validUntil: null }, '2025-12-31')).toBe(false);
  });
});

describe('qualifies', () => {
  it.each([
    ['improving', false],
    ['average', false],
    ['good', true],
    ['excellent', true],
    ['outstanding', true],
  ])('a %s resident qualifies for a good-tier measure: %s', (tier, expected) => {
    expect(qualifies(measure(), tier, '2026-06-01', rank)).toBe(expected);
  });

  it('never for an unknown tier, an unknown required tier or a measure not in force', () => {
    expect(qualifies(measure(), 'platinum', '2026-06-01', rank)).toBe(false);
    expect(qualifies(measure({ minTier: 'platinum' }), 'outstanding', '2026-06-01', rank)).toBe(false);
    expect(qualifies(measure(), 'outstanding', '2027-01-01', rank)).toBe(false);
  });

  it('holds exactly when the measure is in force and the tier ranks at least the one required', () => {
    const tier = fc.constantFrom(...TIERS, 'platinum');
    const offset = fc.integer({ min: -400, max: 800 });
    fc.assert(
      fc.property(fc.constantFrom(...measures), tier, offset, (shipped, tierCode, days) => {
        const m = { ...shipped, validFrom: '2026-01-01', validUntil: days % 2 ? null : '2027-01-01' };
        const date = addDays('2026-01-01', days);
        const expected =
          inForce(m, date) && TIERS.indexOf(tierCode) >= TIERS.indexOf(m.minTier) && TIERS.includes(tierCode);
        expect(qualifies(m, tierCode, date, rank)).toBe(expected);
      }),
    );
  });

  it('a higher tier qualifies for everything a lower one does', () => {
    for (const m of measures)
      for (const [i, lower] of TIERS.entries())
        if (qualifies(m, lower, '2026-12-04', rank))
          for (const higher of TIERS.slice(i)) expect(qualifies(m, higher, '2026-12-04', rank)).toBe(true);
  });
});
