import type { Language } from '../../kernel/errors';
import { CarbonDataError, parseCsvRows } from './behaviours';

/**
 * 积分兑换: a reward residents buy with carbon points in the common-prosperity mall (共富商城).
 *
 * Points are spent only here. They are never transferable between people and have no cash value (Shenzhen's
 * carbon-inclusion rule), so this pure layer deliberately offers no transfer, gift or cash-out function: the only
 * ways points leave an account are redemption, reversal and expiry.
 */
export interface Reward {
  code: string;
  nameZh: string;
  nameEn: string;
  /** Price of one item in points */
  points: number;
  /** Initial stock; what is left is the service's to track */
  stock: number;
  partner: string;
  notes: string;
  line: number;
}

export type RewardCatalogue = ReadonlyMap<string, Reward>;

export const REWARD_COLUMNS = ['code', 'name_zh', 'name_en', 'points', 'stock', 'partner', 'notes'] as const;

/** Items one redemption may take, so one person cannot empty a partner's stock in a click. */
export const MAX_QUANTITY_PER_REDEMPTION = 10;

const CODE = /^[a-z][a-z0-9_]{1,47}$/;
const WHOLE = /^\d+$/;

/** Parses rewards.csv: positive whole-point prices, whole non-negative stock, unique codes; errors name the line. */
export function parseRewardCatalogue(text: string, source = 'rewards.csv'): RewardCatalogue {
  const catalogue = new Map<string, Reward>();
  for (const { line, cells } of parseCsvRows(text, REWARD_COLUMNS, source)) {
    const fail = (detail: string) => new CarbonDataError(source, line, detail);
    if (!CODE.test(cells.code)) throw fail(`code "${cells.code}" must be lower_snake_case`);
    const earlier = catalogue.get(cells.code);
    if (earlier) throw fail(`code ${cells.code} already defined on line ${earlier.line}`);
    if (cells.name_zh === '' || cells.name_en === '' || cells.partner === '') {
      throw fail('name_zh, name_en and partner must not be empty');
    }
    if (!WHOLE.test(cells.points) || Number(cells.points) < 1)
      throw fail('points must be a whole number above 0');
    if (!WHOLE.test(cells.stock)) throw fail('stock must be a whole number');
    catalogue.set(cells.code, {
      code: cells.code,
      nameZh: cells.name_zh,
      nameEn: cells.name_en,
      points: Number(cells.points),
      stock: Number(cells.stock),
      partner: cells.partner,
      notes: cells.notes,
      line,
    });
  }
  return catalogue;
}

export type RedemptionRefusal =
  | { code: 'invalid_quantity'; quantity: number; limit: number }
  | { code: 'out_of_stock'; quantity: number; stockLeft: number }
  | { code: 'insufficient_points'; needed: number; balance: number };

export type RedemptionCheck = { ok: true; points: number } | { ok: false; reason: RedemptionRefusal };

/**
 * Whether `quantity` of a reward can be redeemed now; on success, the points to debit. Checks quantity first (a
 * malformed request), then stock, then the balance (the one the resident can change by earning more).
 */
export function checkRedemption(
  reward: Pick<Reward, 'points'>,
  balance: number,
  stockLeft: number,
  quantity: number,
  limit: number = MAX_QUANTITY_PER_REDEMPTION,
): RedemptionCheck {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > limit) {
    return { ok: false, reason: { code: 'invalid_quantity', quantity, limit } };
  }
  if (quantity > stockLeft) return { ok: false, reason: { code: 'out_of_stock', quantity, stockLeft } };
  const needed = reward.points * quantity;
  if (needed > balance) return { ok: false, reason: { code: 'insufficient_points', needed, balance } };
  return { ok: true, points: needed };
}

/** One sentence for a refused redemption, e.g. "积分不足：需要 2500，当前 1200". */
export function describeRedemptionRefusal(reason: RedemptionRefusal, language: Language): string {
  const [zh, en] = messages(reason);
  return language === 'zh-CN' ? zh : en;
}

function messages(reason: RedemptionRefusal): [zh: string, en: string] {
  switch (reason.code) {
    case 'invalid_quantity':
      return [
        `兑换数量应为 1 到 ${reason.limit} 的整数，实际为 ${reason.quantity}`,
        `quantity must be a whole number from 1 to ${reason.limit}, found ${reason.quantity}`,
      ];
    case 'out_of_stock':
      return [
        `库存不足：剩余 ${reason.stockLeft} 件，申请 ${reason.quantity} 件`,
        `not enough stock: ${reason.stockLeft} left, ${reason.quantity} requested`,
      ];
    case 'insufficient_points':
      return [
        `积分不足：需要 ${reason.needed}，当前 ${reason.balance}`,
        `not enough points: ${reason.needed} needed, balance ${reason.balance}`,
      ];
  }
}
