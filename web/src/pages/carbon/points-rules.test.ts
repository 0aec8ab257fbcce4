import { describe, expect, it } from 'vitest';
import points from '../../../../data/carbon/points.json';
import { POINTS_RULES } from './points-rules';

describe('points rules shown to residents', () => {
  it('are the ones in data/carbon/points.json', () => {
    const { version, gramsPerPoint, expiryMonths, nonTransferable, cashValue } = points;
    expect(POINTS_RULES).toEqual({ version, gramsPerPoint, expiryMonths, nonTransferable, cashValue });
  });
});
