import { describe, expect, it } from 'vitest';
import {
  ALLOWED_DECISIONS,
  DECISIONS,
  DISPUTE_KINDS,
  type DisputeKind,
  openProblem,
  statusAfter,
} from './dispute-rules';
import { recordTypes } from './record-types';
import { computeScore, RECORD_STATUSES, typeMap } from './score';
import { shippedModels } from './score-model';

const types = recordTypes();
const model = shippedModels().find((m) => m.version === '2026.1')!;

describe('statusAfter', () => {
  it.each([
    ['upheld', 'active'],
    ['corrected', 'active'],
    ['withdrawn', 'withdrawn'],
    ['repaired', 'repaired'],
  ] as const)('%s leaves the record %s', (decision, status) => {
    expect(statusAfter(decision)).toBe(status);
  });

  it('allows each kind only its own decisions, and every decision belongs to some kind', () => {
    expect(ALLOWED_DECISIONS).toEqual({
      dispute: ['upheld', 'corrected', 'withdrawn'],
      repair: ['upheld', 'repaired'],
    });
    expect(new Set(DISPUTE_KINDS.flatMap((kind) => ALLOWED_DECISIONS[kind]))).toEqual(new Set(DECISIONS));
  });

  it('a granted dispute or repair stops the record counting; an upheld or corrected one keeps it', () => {
    const record = {
      id: 'r1',
      type: 'tax_arrears',
      quantity: 1,
      occurredOn: '2026-06-01',
      validUntil: '2029-06-01',
      status: 'active' as const,
    };
    const scoreAfter = (decision: (typeof DECISIONS)[number]) =>
      computeScore(model, typeMap(types), [{ ...record, status: statusAfter(decision) }], '2026-06-01').score;
    expect(DECISIONS.map((d) => [d, scoreAfter(d)])).toEqual([
      ['upheld', 420],
      ['corrected', 420],
      ['withdrawn', 500],
      ['repaired', 500],
    ]);
  });
});

describe('openProblem', () => {
  // Every combination, against the rule stated independently: an open case blocks first, then a record that no
  // longer counts, then (for repair) a record that is not a repairable negative one.
  const cases = DISPUTE_KINDS.flatMap((kind) =>
    RECORD_STATUSES.flatMap((status) =>
      (['positive', 'negative'] as const).flatMap((polarity) =>
        [true, false].flatMap((repairable) =>
          [true, false].map((hasOpenCase) => ({ kind, status, polarity, repairable, hasOpenCase })),
        ),
      ),
    ),
  );
  const expected = (c: (typeof cases)[number]) => {
    if (c.hasOpenCase) return 'case_open';
    if (c.status === 'withdrawn' || c.status === 'repaired') return 'not_counting';
    if (c.kind === 'repair' && (c.polarity === 'positive' || !c.repairable)) return 'not_repairable';
    return null;
  };

  it(`decides all ${cases.length} combinations of kind, status, polarity, repairability and open case`, () => {
    expect(cases).toHaveLength(64);
    for (const c of cases) expect(openProblem(c.kind, c, c.hasOpenCase), JSON.stringify(c)).toBe(expected(c));
  });

  it('lets a resident dispute or repair a shipped repairable negative record, and only dispute the rest', () => {
    for (const type of types) {
      const record = { status: 'active', polarity: type.polarity, repairable: type.repairable };
      const allowed = (kind: DisputeKind) => openProblem(kind, record, false) === null;
      expect(allowed('dispute')).toBe(true);
      expect(allowed('repair'), type.code).toBe(type.polarity === 'negative' && type.repairable);
    }
  });

  it('treats an unknown status as not counting', () => {
    expect(
      openProblem('dispute', { status: 'archived', polarity: 'negative', repairable: true }, false),
    ).toBe('not_counting');
  });
});
