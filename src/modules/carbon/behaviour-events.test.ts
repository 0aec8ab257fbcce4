import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeResidentId } from '../../kernel/identity';
import {
  type BatchErrorCode,
  type BatchParseResult,
  type EventRejectionCode,
  parseBehaviourBatch,
  timestampMillis,
} from './behaviour-events';
import { describeBatchError, describeEventRejection } from './event-messages';
import { loadBehaviourCatalogue } from './load-behaviours';

const catalogue = loadBehaviourCatalogue();
const NOW = new Date('2026-03-10T04:00:00Z'); // 12:00 in Quzhou
const ALICE = makeResidentId('330802', '1990-01-01', 123);
const good = (overrides: Record<string, unknown> = {}) => ({
  eventId: 'bus-1',
  subjectId: ALICE,
  behaviour: 'bus_trip',
  amount: 1,
  occurredAt: '2026-03-10T08:15:00+08:00',
  ...overrides,
});
const parse = (body: unknown, options = {}) => parseBehaviourBatch(body, catalogue, { now: NOW, ...options });

function accepted(result: BatchParseResult) {
  if (!result.ok) throw new Error(`batch refused: ${result.error.code}`);
  return result;
}
const reasonOf = (event: unknown, options = {}) => accepted(parse([event], options)).rejected[0]?.reason;

describe('parseBehaviourBatch: body shapes', () => {
  it('takes a JSON array as text or already parsed, mixing good and bad events', () => {
    const body = [
      good(),
      good({ eventId: 'bus-2', amount: -1 }),
      good({ eventId: 'bus-3', behaviour: 'metro_km', amount: 12.4 }),
    ];
    for (const input of [body, JSON.stringify(body), Buffer.from(JSON.stringify(body))]) {
      const { events, rejected } = accepted(parse(input));
      expect(events.map((event) => [event.eventId, event.index])).toEqual([
        ['bus-1', 0],
        ['bus-3', 2],
      ]);
      expect(rejected).toEqual([
        { index: 1, eventId: 'bus-2', reason: { code: 'invalid_amount', params: { amount: '-1' } } },
      ]);
    }
  });

  it('takes NDJSON with CRLF and blank lines; a malformed line rejects only itself', () => {
    const text = [
      JSON.stringify(good()),
      '',
      '{"eventId": "broken",',
      JSON.stringify(good({ eventId: 'bus-4' })),
      '',
    ].join('\r\n');
    const { events, rejected } = accepted(parse(text));
    expect(events.map((event) => [event.eventId, event.index])).toEqual([
      ['bus-1', 0],
      ['bus-4', 3],
    ]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ index: 2, reason: { code: 'malformed_line', params: { line: 3 } } });
  });

  it.each<[string, unknown, BatchErrorCode]>([
    ['an empty body', '  \n ', 'empty'],
    ['a truncated array', '[{"eventId": "a"}', 'not_json'],
    ['text that is no JSON on any line', 'hello\nworld', 'not_json'],
    ['a single object', good(), 'not_array'],
    ['a number', 42, 'not_array'],
    ['null', null, 'not_array'],
    ['an array as text holding an object', '{"events": []}\n', 'not_array'],
  ])('refuses %s as a whole', (_, body, code) => {
    const result = parse(body);
    if (code === 'not_array' && typeof body === 'string') {
      // One parsable line that is an object is NDJSON with one (bad) event, not a batch error.
      expect(accepted(result).rejected[0]?.reason.code).toBe('unknown_field');
      return;
    }
    expect(result).toMatchObject({ ok: false, error: { code } });
  });

  it('refuses 10,001 events as a whole, as an array or as NDJSON, and takes 10,000', () => {
    const events = Array.from({ length: 10_001 }, (_, i) => good({ eventId: `e${i}` }));
    const error = { ok: false, error: { code: 'too_many_events', params: { count: 10_001, max: 10_000 } } };
    expect(parse(events)).toEqual(error);
    expect(parse(JSON.stringify(events))).toEqual(error);
    expect(parse(events.map((event) => JSON.stringify(event)).join('\n'))).toEqual(error);
    expect(accepted(parse(events.slice(1))).events).toHaveLength(10_000);
    expect(parse(events.slice(0, 3), { maxEvents: 2 })).toMatchObject({
      ok: false,
      error: { code: 'too_many_events' },
    });
  });
});

describe('parseBehaviourBatch: one event', () => {
  it.each<[string, Record<string, unknown> | unknown, EventRejectionCode, Record<string, unknown>?]>([
    ['an array instead of an object', [1], 'not_object', { found: 'array' }],
    [
      'an unknown field, named',
      { ...good(), points: 99, userName: 'x' },
      'unknown_field',
      { field: 'points, userName' },
    ],
    [
      'missing fields, named',
      { eventId: 'a', subjectId: ALICE },
      'missing_field',
      { field: 'behaviour, amount, occurredAt' },
    ],
    ['a numeric eventId', good({ eventId: 7 }), 'wrong_type', { field: 'eventId' }],
    ['an empty eventId', good({ eventId: '' }), 'invalid_event_id', { length: 0 }],
    ['a 129-character eventId', good({ eventId: 'x'.repeat(129) }), 'invalid_event_id', { length: 129 }],
    ['a control character in eventId', good({ eventId: 'a\nb' }), 'invalid_event_id'],
    [
      'a wrong check digit',
      good({ subjectId: `${ALICE.slice(0, 17)}${ALICE[17] === '0' ? '1' : '0'}` }),
      'invalid_subject',
      { check: 'check_digit' },
    ],
    [
      'a 17-character subject',
      good({ subjectId: ALICE.slice(0, 17) }),
      'invalid_subject',
      { check: 'length' },
    ],
    ['an unknown behaviour', good({ behaviour: 'teleport' }), 'unknown_behaviour', { behaviour: 'teleport' }],
    ['an amount as text', good({ amount: '3' }), 'wrong_type', { field: 'amount' }],
    ['a zero amount', good({ amount: 0 }), 'invalid_amount'],
    ['a NaN amount', good({ amount: Number.NaN }), 'invalid_amount'],
    ['an infinite amount', good({ amount: Number.POSITIVE_INFINITY }), 'invalid_amount'],
    ['an absurd amount', good({ amount: 6001 }), 'absurd_amount', { limit: 6000, unit: 'trip' }],
    ['a time without offset', good({ occurredAt: '2026-03-10T08:15:00' }), 'invalid_timestamp'],
    ['a date only', good({ occurredAt: '2026-03-10' }), 'invalid_timestamp'],
    ['February 30th', good({ occurredAt: '2026-02-30T08:00:00+08:00' }), 'invalid_timestamp'],
    ['a time 6 minutes ahead', good({ occurredAt: '2026-03-10T12:06:00+08:00' }), 'in_future'],
    ['a time 91 days old', good({ occurredAt: '2025-12-09T12:00:00+08:00' }), 'too_old', { maxAgeDays: 90 }],
    ['an empty source', good({ source: '' }), 'wrong_type', { field: 'source' }],
  ])('rejects %s', (_, event, code, params) => {
    const reason = reasonOf(event);
    expect(reason?.code).toBe(code);
    if (params) expect(reason?.params).toMatchObject(params);
  });

  it('never echoes the resident ID, its division or birth date in a rejection', () => {
    const wrong = `${ALICE.slice(0, 17)}${ALICE[17] === '0' ? '1' : '0'}`;
    const unborn = makeResidentId('330802', '2027-01-01', 1);
    for (const subjectId of [wrong, unborn, `99${ALICE.slice(2)}`]) {
      const text = JSON.stringify(reasonOf(good({ subjectId })));
      expect(text).not.toMatch(/330802|1990|2027/);
    }
    const reason = reasonOf(good({ subjectId: unborn }));
    expect(reason?.params).toEqual({ check: 'birth_date', problem: 'in_future' });
    expect(reason && describeEventRejection(reason, 'en')).toBe(
      'subjectId is not a valid resident ID: the birth date is in the future',
    );
  });

  it('accepts the edges: 1000 × cap, 5 minutes of clock skew, 90 days back, lower-case x', () => {
    const idWithX = makeResidentId('110105', '1949-12-31', 2);
    expect(idWithX.endsWith('X')).toBe(true);
    const body = [
      good({ eventId: 'a', amount: 6000 }),
      good({ eventId: 'b', occurredAt: '2026-03-10T12:05:00+08:00' }),
      good({ eventId: 'c', occurredAt: '2025-12-10T12:00:00+08:00' }),
      good({ eventId: 'd', subjectId: idWithX.toLowerCase(), source: 'quzhou-bus' }),
    ];
    const { events, rejected } = accepted(parse(body));
    expect(rejected).toEqual([]);
    expect(events[3]).toMatchObject({ subjectId: idWithX, source: 'quzhou-bus' });
  });

  it('takes the age window and clock skew from the options', () => {
    const event = good({ occurredAt: '2026-03-01T12:00:00+08:00' });
    expect(reasonOf(event, { maxAgeDays: 7 })?.code).toBe('too_old');
    expect(reasonOf(good({ occurredAt: '2026-03-10T12:04:00+08:00' }), { clockSkewMinutes: 1 })?.code).toBe(
      'in_future',
    );
  });

  it('rejects the second event with the same (source, eventId), and only that one', () => {
    const body = [
      good(),
      good({ amount: 2 }),
      good({ source: 'bank' }),
      good({ eventId: 'other' }),
      good({ source: 'bank' }),
    ];
    const { events, rejected } = accepted(parse(body));
    expect(events.map((event) => event.index)).toEqual([0, 2, 3]);
    expect(rejected).toEqual([
      {
        index: 1,
        eventId: 'bus-1',
        reason: { code: 'duplicate', params: { eventId: 'bus-1', firstIndex: 0 } },
      },
      {
        index: 4,
        eventId: 'bus-1',
        reason: { code: 'duplicate', params: { eventId: 'bus-1', firstIndex: 2 } },
      },
    ]);
  });

  it('with idsUniquePerBatch, an eventId counts once whatever source the events name', () => {
    const body = [good(), good({ source: 'bank' }), good({ eventId: 'other', source: 'bank' })];
    const { events, rejected } = accepted(parse(body, { idsUniquePerBatch: true }));
    expect(events.map((event) => event.index)).toEqual([0, 2]);
    expect(rejected).toEqual([
      {
        index: 1,
        eventId: 'bus-1',
        reason: { code: 'duplicate', params: { eventId: 'bus-1', firstIndex: 0 } },
      },
    ]);
  });

  it('accounts for every item exactly once and never throws, whatever the body', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.jsonValue(), fc.constant(good()))), (items) => {
        const { events, rejected } = accepted(parse(items));
        const indexes = [...events.map((event) => event.index), ...rejected.map((item) => item.index)];
        expect(indexes.sort((a, b) => a - b)).toEqual(items.map((_, index) => index));
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(() => parse(text)).not.toThrow();
      }),
    );
  });
});

describe('timestampMillis', () => {
  it('reads offsets and fractions, and refuses out-of-range fields', () => {
    expect(timestampMillis('2026-03-10T08:15:00+08:00')).toBe(Date.parse('2026-03-10T00:15:00Z'));
    expect(timestampMillis('2026-03-10T08:15+08:00')).toBe(Date.parse('2026-03-10T00:15:00Z'));
    expect(timestampMillis('2026-03-10T00:15:00.5Z')).toBe(Date.parse('2026-03-10T00:15:00.500Z'));
    expect(timestampMillis('2026-03-10T00:15:00-03:30')).toBe(Date.parse('2026-03-10T03:45:00Z'));
    for (const bad of [
      '2026-13-01T00:00Z',
      '2026-03-10T24:00Z',
      '2026-03-10T00:60Z',
      '2026-03-10T00:00+15:00',
      '2026-03-10 00:00Z',
    ]) {
      expect(timestampMillis(bad)).toBeNull();
    }
  });

  /** The regular-expression reading it replaced (kept here as the specification it must match). */
  const TIMESTAMP =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;
  function byRegex(text: string): number | null {
    const match = TIMESTAMP.exec(text);
    if (!match) return null;
    const part = (index: number) => Number(match[index] ?? 0);
    const [year, month, day, hour, minute, second] = [part(1), part(2), part(3), part(4), part(5), part(6)];
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59)
      return null;
    const sign = match[8] === '-' ? -1 : 1;
    if (part(9) > 14 || part(10) > 59) return null;
    const offsetMinutes = sign * (part(9) * 60 + part(10));
    const milliseconds = Math.floor(Number(`0.${match[7] ?? '0'}`) * 1000);
    return Date.UTC(year, month - 1, day, hour, minute, second, milliseconds) - offsetMinutes * 60_000;
  }

  it('agrees with the regular-expression reading on near-valid and mangled timestamps', () => {
    const digits = (n: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    const wellFormed = fc
      .tuple(
        digits(4),
        digits(2),
        digits(2),
        digits(2),
        digits(2),
        fc.option(
          fc.tuple(
            digits(2),
            fc.option(fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 11 })),
          ),
        ),
        fc.oneof(
          fc.constant('Z'),
          fc.tuple(fc.constantFrom('+', '-', '~'), digits(2), digits(2)).map(([s, h, m]) => `${s}${h}:${m}`),
        ),
      )
      .map(
        ([y, mo, d, h, mi, sec, zone]) =>
          `${y}-${mo}-${d}T${h}:${mi}${sec ? `:${sec[0]}${sec[1] === null ? '' : `.${sec[1]}`}` : ''}${zone}`,
      );
    const mangled = fc
      .tuple(wellFormed, fc.nat(40), fc.string({ maxLength: 3 }))
      .map(
        ([text, at, insert]) =>
          text.slice(0, at % (text.length + 1)) + insert + text.slice((at % (text.length + 1)) + 1),
      );
    fc.assert(
      fc.property(fc.oneof(wellFormed, mangled, fc.string({ maxLength: 40 })), (text) => {
        expect(timestampMillis(text)).toBe(byRegex(text));
      }),
      { numRuns: 20_000 },
    );
    for (const edge of [
      '2024-02-29T00:00Z',
      '2023-02-29T00:00Z',
      '0000-02-29T00:00Z',
      '0004-02-29T00:00Z',
      '2026-03-10T00:15:00.Z',
      '2026-03-10T00:15:00.1234567890Z',
      '2026-03-10T00:15:00+08:60',
    ])
      expect(timestampMillis(edge)).toBe(byRegex(edge));
  });
});

describe('describing rejections', () => {
  it('gives an actionable sentence in both languages for every reason', () => {
    // A first line opening with '[' would make the whole body one JSON array, so the array event comes second.
    const bodies: unknown[] = [
      { ...good(), points: 1 },
      [1],
      { eventId: 'a' },
      good({ eventId: 7 }),
      good({ eventId: '' }),
      good({ subjectId: 'x' }),
      good({ behaviour: 'teleport' }),
      good({ amount: 0 }),
      good({ amount: 1e9 }),
      good({ occurredAt: 'yesterday' }),
      good({ occurredAt: '2027-01-01T00:00:00Z' }),
      good({ occurredAt: '2020-01-01T00:00:00Z' }),
    ];
    const reasons = accepted(
      parse(
        `${bodies.map((body) => JSON.stringify(body)).join('\n')}\n{oops\n${JSON.stringify(good({ eventId: 'd' }))}\n${JSON.stringify(good({ eventId: 'd' }))}`,
      ),
    ).rejected.map((item) => item.reason);
    expect(new Set(reasons.map((reason) => reason.code)).size).toBe(14);
    for (const reason of reasons) {
      for (const language of ['zh-CN', 'en'] as const) {
        const sentence = describeEventRejection(reason, language);
        expect(sentence).not.toMatch(/undefined|\{/);
        expect(sentence.length).toBeGreaterThan(10);
      }
    }
    expect(
      describeEventRejection(
        { code: 'unknown_behaviour', params: { behaviour: 'teleport', known: 'bus_trip' } },
        'en',
      ),
    ).toBe('unknown behaviour code teleport; use one of bus_trip');
    expect(
      describeEventRejection(
        { code: 'invalid_subject', params: { check: 'check_digit', expected: 'X', found: '5' } },
        'zh-CN',
      ),
    ).toBe('subjectId 不是有效的居民身份证号：校验码应为 X，实际为 5');
  });

  it('describes batch errors', () => {
    expect(
      describeBatchError({ code: 'too_many_events', params: { count: 10_001, max: 10_000 } }, 'en'),
    ).toBe('A batch holds at most 10000 events, found 10001: split it and resend');
    expect(describeBatchError({ code: 'empty', params: {} }, 'zh-CN')).toContain('请求体为空');
  });
});
