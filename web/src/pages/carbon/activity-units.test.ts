import { describe, expect, it } from 'vitest';
import { allowedUnits, ACTIVITY_KINDS as SERVER_KINDS } from '../../../../src/modules/carbon/units';
import { ACTIVITY_KINDS, ACTIVITY_UNITS, unitLabel } from './activity-units';

describe('activity units', () => {
  it('offer exactly the kinds and units the server converts, base unit first', () => {
    expect([...ACTIVITY_KINDS].sort()).toEqual([...SERVER_KINDS].sort());
    for (const kind of SERVER_KINDS) expect(ACTIVITY_UNITS[kind]).toEqual(allowedUnits(kind));
  });

  it('read 10^4 as 万 in Chinese and as a power in English', () => {
    expect(unitLabel('10^4kWh', 'zh-CN')).toBe('万 kWh');
    expect(unitLabel('10^4Nm3', 'en')).toBe('10⁴ Nm³');
    expect(unitLabel('kgCO2', 'en')).toBe('kgCO₂');
    expect(unitLabel('t', 'zh-CN')).toBe('t');
    expect(unitLabel('tCO2/10^4Nm3', 'zh-CN')).toBe('tCO₂/万 Nm³');
  });
});
