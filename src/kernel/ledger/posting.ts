import { AppError } from '../errors';

/** Units are integers per currency: fen for money, points for points, grams for carbon. */
export const CURRENCIES = ['CNY_FEN', 'POINTS', 'GRAM_CO2E'] as const;
export type Currency = (typeof CURRENCIES)[number];

export interface PostingLine {
  accountId: string;
  amount: number;
}

/**
 * Merges lines on the same account and checks the posting is balanced per currency.
 * Pure: `currencyOf` tells each account's currency. Lines come back sorted by account id, the order in which
 * accounts are updated, so concurrent postings lock rows in one order and cannot deadlock.
 */
export function normalisePosting(lines: readonly PostingLine[], currencyOf: (accountId: string) => string) {
  const merged = new Map<string, number>();
  for (const line of lines) {
    if (!Number.isSafeInteger(line.amount)) {
      throw new AppError(422, 'INVALID_AMOUNT', 'invalidValue', {
        reason: `amount ${line.amount} is not an integer`,
      });
    }
    merged.set(line.accountId, (merged.get(line.accountId) ?? 0) + line.amount);
  }
  const sums = new Map<string, number>();
  for (const [accountId, amount] of merged) {
    const currency = currencyOf(accountId);
    sums.set(currency, (sums.get(currency) ?? 0) + amount);
  }
  for (const [currency, sum] of sums) {
    if (sum !== 0) throw new AppError(422, 'UNBALANCED_POSTING', 'unbalancedPosting', { currency, sum });
  }
  const result = [...merged]
    .filter(([, amount]) => amount !== 0)
    .map(([accountId, amount]) => ({ accountId, amount }));
  if (result.length < 2) {
    throw new AppError(422, 'EMPTY_POSTING', 'invalidValue', {
      reason: 'a posting moves value between two accounts',
    });
  }
  return result.sort((a, b) => (a.accountId < b.accountId ? -1 : 1));
}
