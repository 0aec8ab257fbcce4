import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../kernel/calendar';
import { AppError } from '../../kernel/errors';
import type { ServiceItem } from './catalogue';
import { caseNumber, routeCase } from './intake-rules';

const QUZHOU_COUNTIES = ['330802', '330803', '330822', '330824', '330825', '330881'];
const label = (zh: string, en: string) => ({ zh, en });

/** A Quzhou county item offered online and at windows, with 全程网办 and 异地代收代办. */
const ITEM: ServiceItem = {
  id: '330800-ca-marriage-record-certificate',
  key: 'ca-marriage-record-certificate',
  cityCode: '330800',
  version: 1,
  name: label('婚姻登记记录证明出具', 'Certificate of marriage records'),
  category: 'marriage_birth',
  department: 'civil_affairs',
  level: 'county',
  itemType: 'public_service',
  applicant: 'resident',
  legalLimitDays: 5,
  promisedLimitDays: 0,
  feeFen: 0,
  feeBasis: null,
  channels: ['online', 'window'],
  alliance: true,
  crossProvinceModes: ['full_online', 'proxy'],
  jointDepartments: [],
  maxVisits: 0,
  result: { kind: 'record', name: label('证明', 'Certificate'), delivery: ['electronic', 'window'] },
  legalBasis: '《婚姻登记条例》',
  materials: [
    {
      key: 'identity',
      name: label('身份证', 'ID card'),
      source: 'registry',
      dataset: 'household',
      fields: ['name'],
    },
  ],
  form: [],
  conditions: { all: [] },
};
const CITY_ITEM: ServiceItem = { ...ITEM, level: 'city' };

type Request = Parameters<typeof routeCase>[1];
const request = (overrides: Partial<Request> = {}): Request => ({
  channel: 'online',
  fromDivision: '330800',
  applicantCounty: '330822',
  counties: QUZHOU_COUNTIES,
  ...overrides,
});

const refusal = (item: ServiceItem, overrides: Partial<Request>) => {
  try {
    routeCase(item, request(overrides));
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const { status, code, params } = error as AppError;
    return { status, code, params };
  }
  return null;
};

describe('routeCase: channel and mode', () => {
  it('routes an online application from the item’s city locally', () => {
    expect(routeCase(ITEM, request())).toEqual({
      channel: 'online',
      mode: 'local',
      receivingDivision: '330822',
      handlingDivision: '330822',
    });
  });

  it('routes an online application from another alliance city as 全程网办', () => {
    expect(
      routeCase(ITEM, request({ fromDivision: '361100', applicantCounty: null, handlingDivision: '330822' })),
    ).toEqual({
      channel: 'online',
      mode: 'full_online',
      receivingDivision: '361100',
      handlingDivision: '330822',
    });
  });

  it('refuses an online application from another city when 全程网办 is not offered', () => {
    for (const crossProvinceModes of [['proxy'], ['proxy', 'joint'], []] as const) {
      const item = { ...CITY_ITEM, crossProvinceModes: [...crossProvinceModes] };
      expect(refusal(item, { fromDivision: '341000' })).toEqual({
        status: 422,
        code: 'CROSS_CITY_NOT_OFFERED',
        params: { item: ITEM.name.zh, channel: 'online' },
      });
    }
  });

  it('routes a window application in the item’s city locally, received at that window', () => {
    expect(routeCase(ITEM, request({ channel: 'window', fromDivision: '330802' }))).toEqual({
      channel: 'window',
      mode: 'local',
      receivingDivision: '330802',
      handlingDivision: '330822',
    });
  });

  it('routes a window application in another city as 异地代收代办, received there', () => {
    expect(
      routeCase(ITEM, request({ channel: 'window', fromDivision: '361102', applicantCounty: '330822' })),
    ).toEqual({ channel: 'window', mode: 'proxy', receivingDivision: '361102', handlingDivision: '330822' });
  });

  it('routes a window application in another city as 多地联办 when that is what is offered', () => {
    const joint = { ...CITY_ITEM, crossProvinceModes: ['full_online' as const, 'joint' as const] };
    expect(routeCase(joint, request({ channel: 'window', fromDivision: '350700' })).mode).toBe('joint');
    const both = { ...CITY_ITEM, crossProvinceModes: ['joint' as const, 'proxy' as const] };
    expect(routeCase(both, request({ channel: 'window', fromDivision: '350700' })).mode).toBe('proxy');
  });

  it('refuses a window application in another city when neither 代收代办 nor 联办 is offered', () => {
    const onlineOnly = { ...CITY_ITEM, crossProvinceModes: ['full_online' as const] };
    expect(refusal(onlineOnly, { channel: 'window', fromDivision: '361100' })).toMatchObject({
      status: 422,
      code: 'CROSS_CITY_NOT_OFFERED',
      params: { channel: 'window' },
    });
  });

  it('refuses a channel the item does not offer, wherever it comes from', () => {
    const windowOnly = { ...CITY_ITEM, channels: ['window' as const] };
    for (const fromDivision of ['330800', '361100'])
      expect(refusal(windowOnly, { fromDivision })).toEqual({
        status: 422,
        code: 'CHANNEL_NOT_OFFERED',
        params: { channel: 'online' },
      });
    const onlineOnly = { ...CITY_ITEM, channels: ['online' as const] };
    expect(refusal(onlineOnly, { channel: 'window', fromDivision: '330802' })?.code).toBe(
      'CHANNEL_NOT_OFFERED',
    );
  });

  it('treats the item’s city by its own code (an item of Shangrao)', () => {
    const shangrao = { ...CITY_ITEM, cityCode: '361100', id: '361100-x' };
    expect(routeCase(shangrao, request({ fromDivision: '361100' })).mode).toBe('local');
    expect(routeCase(shangrao, request({ fromDivision: '330800' })).mode).toBe('full_online');
  });
});

describe('routeCase: handling division', () => {
  it('lets the applicant name a county of the city for a county item', () => {
    expect(routeCase(ITEM, request({ handlingDivision: '330881' })).handlingDivision).toBe('330881');
  });

  it('takes the applicant’s own county when none is named', () => {
    expect(routeCase(ITEM, request({ applicantCounty: '330824' })).handlingDivision).toBe('330824');
  });

  it('needs a county of the city when none can be taken', () => {
    for (const overrides of [
      { applicantCounty: null },
      { applicantCounty: null, handlingDivision: '361102' },
      { handlingDivision: '330800' },
      { applicantCounty: '361102' },
    ])
      expect(refusal(ITEM, overrides)).toEqual({
        status: 422,
        code: 'HANDLING_COUNTY_REQUIRED',
        params: { counties: QUZHOU_COUNTIES.join(', ') },
      });
  });

  it('handles a city item in the city, whatever the applicant’s county', () => {
    expect(routeCase(CITY_ITEM, request({ applicantCounty: '330881' })).handlingDivision).toBe('330800');
    expect(routeCase(CITY_ITEM, request({ applicantCounty: null })).handlingDivision).toBe('330800');
    expect(routeCase(CITY_ITEM, request({ handlingDivision: '330800' })).handlingDivision).toBe('330800');
  });

  it('refuses a county named for a city item', () => {
    const error = refusal(CITY_ITEM, { handlingDivision: '330822' });
    expect(error).toEqual({ status: 422, code: 'HANDLING_COUNTY_REQUIRED', params: { city: '330800' } });
  });
});

describe('routeCase: receiving division', () => {
  it('receives a local online case where it is handled', () => {
    expect(routeCase(CITY_ITEM, request()).receivingDivision).toBe('330800');
    expect(routeCase(ITEM, request({ handlingDivision: '330803' })).receivingDivision).toBe('330803');
  });

  it('receives a window case, or an online case from elsewhere, where it came from (property)', () => {
    const from = fc.constantFrom('330800', ...QUZHOU_COUNTIES, '361100', '361102', '341000', '350702');
    fc.assert(
      fc.property(
        from,
        fc.constantFrom('online' as const, 'window' as const),
        fc.constantFrom(...QUZHOU_COUNTIES),
        (fromDivision, channel, county) => {
          const routing = routeCase(ITEM, request({ channel, fromDivision, handlingDivision: county }));
          const local = fromDivision.startsWith('3308');
          expect(routing.handlingDivision).toBe(county);
          expect(routing.mode).toBe(local ? 'local' : channel === 'online' ? 'full_online' : 'proxy');
          expect(routing.receivingDivision).toBe(channel === 'online' && local ? county : fromDivision);
        },
      ),
    );
  });
});

describe('caseNumber', () => {
  it('joins the handling city, the date and eight digits', () => {
    expect(caseNumber('330822', '2026-06-01', 42)).toBe('3308002026060100000042');
    expect(caseNumber('330800', '2026-12-31', 99_999_999)).toBe('3308002026123199999999');
  });

  it('keeps the last eight digits of a larger number', () => {
    expect(caseNumber('361102', '2026-06-01', 123_456_789)).toBe('3611002026060123456789');
    expect(caseNumber('361102', '2026-06-01', 100_000_000)).toBe('3611002026060100000000');
  });

  it('is 6-digit city + 8-digit date + 8 digits, 22 characters (property)', () => {
    const division = fc.constantFrom('330800', ...QUZHOU_COUNTIES, '361100', '361102', '341021', '350783');
    const day = fc.integer({ min: 0, max: 3650 }).map((offset) => addDays('2020-01-01', offset));
    fc.assert(
      fc.property(division, day, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (handling, today, digits) => {
        const number = caseNumber(handling, today, digits);
        expect(number).toMatch(/^\d{22}$/);
        expect(number.slice(0, 6)).toBe(`${handling.slice(0, 4)}00`);
        expect(number.slice(6, 14)).toBe(today.replaceAll('-', ''));
        expect(Number(number.slice(14))).toBe(digits % 100_000_000);
      }),
    );
  });
});
