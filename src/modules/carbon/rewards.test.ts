import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as rewards from './rewards';
import {
  checkRedemption,
  describeRedemptionRefusal,
  MAX_QUANTITY_PER_REDEMPTION,
  parseRewardCatalogue,
  REWARD_COLUMNS,
} from './rewards';

const HEADER = REWARD_COLUMNS.join(',');
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const grapefruit = { points: 2500 };

describe('parseRewardCatalogue', () => {
  it('reads rewards with quoted notes', () => {
    const catalogue = parseRewardCatalogue(
      csv('huyou,常山胡柚一箱,Huyou box,2500,200,合作社,"demo, placeholder"'),
    );
    expect(catalogue.get('huyou')).toMatchObject({
      points: 2500,
      stock: 200,
      notes: 'demo, placeholder',
      line: 2,
    });
  });

  it.each([
    ['a zero price', 'xx,甲,A,0,1,P,', 'points must be a whole number above 0'],
    ['a fractional price', 'xx,甲,A,2.5,1,P,', 'points must be a whole number'],
    ['a negative stock', 'xx,甲,A,10,-1,P,', 'stock must be a whole number'],
    ['no partner', 'xx,甲,A,10,1,,', 'must not be empty'],
  ])('rejects %s, naming the line', (_, row, message) => {
    expect(() => parseRewardCatalogue(csv(row), 'r.csv')).toThrow('r.csv line 2: ');
    expect(() => parseRewardCatalogue(csv(row), 'r.csv')).toThrow(message);
  });

  it('rejects a repeated code', () => {
    expect(() => parseRewardCatalogue(csv('xx,甲,A,10,1,P,', 'xx,乙,B,20,1,P,'))).toThrow(
      'line 3: code xx already defined on line 2',
    );
  });
});

describe('checkRedemption', () => {
  it('debits price × quantity when stock and balance allow', () => {
    expect(checkRedemption(grapefruit, 5000, 3, 2)).toEqual({ ok: true, points: 5000 });
  });

  it.each([
    [2499, 10, 1, { code: 'insufficient_points', needed: 2500, balance: 2499 }],
    [10_000, 0, 1, { code: 'out_of_stock', quantity: 1, stockLeft: 0 }],
    [10_000, 1, 2, { code: 'out_of_stock', quantity: 2, stockLeft: 1 }],
    [10_000, 10, 0, { code: 'invalid_quantity', quantity: 0, limit: MAX_QUANTITY_PER_REDEMPTION }],
    [10_000, 10, -1, { code: 'invalid_quantity', quantity: -1, limit: MAX_QUANTITY_PER_REDEMPTION }],
    [10_000, 10, 1.5, { code: 'invalid_quantity', quantity: 1.5, limit: MAX_QUANTITY_PER_REDEMPTION }],
    [1_000_000, 100, 11, { code: 'invalid_quantity', quantity: 11, limit: MAX_QUANTITY_PER_REDEMPTION }],
  ])('balance %d, stock %d, quantity %d: refused', (balance, stock, quantity, reason) => {
    expect(checkRedemption(grapefruit, balance, stock, quantity)).toEqual({ ok: false, reason });
  });

  it('checks quantity, then stock, then points', () => {
    expect(checkRedemption(grapefruit, 0, 0, 0)).toMatchObject({ reason: { code: 'invalid_quantity' } });
    expect(checkRedemption(grapefruit, 0, 0, 1)).toMatchObject({ reason: { code: 'out_of_stock' } });
    expect(checkRedemption(grapefruit, 0, 5, 3, 2)).toMatchObject({
      reason: { code: 'invalid_quantity', limit: 2 },
    });
  });

  it('never approves more than the balance or the stock', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: -5, max: 20 }),
        (price, balance, stock, quantity) => {
          const check = checkRedemption({ points: price }, balance, stock, quantity);
          if (!check.ok) return;
          expect(check.points).toBe(price * quantity);
          expect(check.points).toBeLessThanOrEqual(balance);
          expect(quantity).toBeLessThanOrEqual(stock);
          expect(quantity).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('explains refusals in both languages', () => {
    const refused = checkRedemption(grapefruit, 1200, 5, 1);
    if (refused.ok) throw new Error('expected a refusal');
    expect(describeRedemptionRefusal(refused.reason, 'zh-CN')).toBe('积分不足：需要 2500，当前 1200');
    expect(describeRedemptionRefusal(refused.reason, 'en')).toBe(
      'not enough points: 2500 needed, balance 1200',
    );
  });
});

describe('points are not money', () => {
  it('offers no way to move points between people or turn them into cash', () => {
    expect(Object.keys(rewards).filter((name) => /transfer|gift|send|cash|withdraw/i.test(name))).toEqual([]);
  });
});
