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
  const merged = mergeLines(lines);
  assertBalanced(merged, currencyOf);
  return merged;
}

/**
 * The posting's lines merged per account, the accounts with a net amount of zero left out, sorted by account id;
 * refuses non-integer amounts and a posting that moves nothing. The balance per currency is for the caller to
 * check (assertBalanced) once it knows the accounts' currencies.
 */
export function mergeLines(lines: readonly PostingLine[]): PostingLine[] {
  const merged = new Map<string, number>();
  for (const line of lines) {
    if (!Number.isSafeInteger(line.amount)) {
      throw new AppError(422, 'INVALID_AMOUNT', 'invalidValue', {
        reason: `amount ${line.amount} is not an integer`,
      });
    }
    merged.set(line.accountId, (merged.get(line.accountId) ?? 0) + line.amount);
  }
  const result: PostingLine[] = [];
  for (const [accountId, amount] of merged) if (amount !== 0) result.push({ accountId, amount });
  if (result.length < 2) {
    throw new AppError(422, 'EMPTY_POSTING', 'invalidValue', {
      reason: 'a posting moves value between two accounts',
    });
  }
  return result.sort((a, b) => (a.accountId < b.accountId ? -1 : 1));
}

/** Refuses a posting whose amounts do not sum to zero in every currency. */
export function assertBalanced(lines: readonly PostingLine[], currencyOf: (accountId: string) => string) {
  const sums = new Map<string, number>();
  for (const { accountId, amount } of lines) {
    const currency = currencyOf(accountId);
    sums.set(currency, (sums.get(currency) ?? 0) + amount);
  }
  for (const [currency, sum] of sums) {
    if (sum !== 0) throw new AppError(422, 'UNBALANCED_POSTING', 'unbalancedPosting', { currency, sum });
  }
}
