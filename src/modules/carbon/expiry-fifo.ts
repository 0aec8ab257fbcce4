/**
 * 积分过期 (points expiry), first in first out: spending and earlier expiries use the oldest points first, so what
 * expires on a day is only what is left of the lots that have run out. Pure; the expiry service feeds it sums.
 */

/** Points earned by one behaviour event (a lot), and the first day they can no longer be spent. */
export interface PointsLot {
  points: number;
  /** 'YYYY-MM-DD', Asia/Shanghai */
  expiresOn: string;
}

/**
 * What is left of each lot after `consumed` points (spent plus already expired) were taken oldest first.
 * Lots are taken in expiry order (earning order when the validity is fixed); ties keep the given order.
 * @example remainingLots([{ points: 5, expiresOn: '2026-01-01' }, { points: 5, expiresOn: '2026-02-01' }], 7)
 *   // [{ points: 5, expiresOn: '2026-01-01', left: 0 }, { points: 5, expiresOn: '2026-02-01', left: 3 }]
 */
export function remainingLots(
  lots: readonly PointsLot[],
  consumed: number,
): (PointsLot & { left: number })[] {
  let toTake = Math.max(0, consumed);
  return [...lots]
    .map((lot, index) => ({ lot, index }))
    .sort((a, b) => compareText(a.lot.expiresOn, b.lot.expiresOn) || a.index - b.index)
    .map(({ lot }) => {
      const taken = Math.min(Math.max(0, lot.points), toTake);
      toTake -= taken;
      return { ...lot, left: Math.max(0, lot.points) - taken };
    });
}

/** The points to expire as of `asOf`, lot by lot: what is left of the lots with expiresOn <= asOf. */
export function expirableFromLots(
  lots: readonly PointsLot[],
  consumed: number,
  asOf: string,
  balance: number,
): number {
  const left = remainingLots(lots, consumed)
    .filter((lot) => lot.expiresOn <= asOf)
    .reduce((sum, lot) => sum + lot.left, 0);
  return Math.max(0, Math.min(left, balance));
}

/**
 * The same figure from sums, as the service computes it in SQL: lots that ran out by `asOf` are the oldest ones,
 * so FIFO leaves `expiringEarned − consumed` of them (never below 0), and never more than the wallet holds.
 * @example expirablePoints({ expiringEarned: 100, consumed: 30, balance: 500 }) // 70
 */
export function expirablePoints(sums: { expiringEarned: number; consumed: number; balance: number }): number {
  return Math.max(0, Math.min(sums.expiringEarned - sums.consumed, sums.balance));
}

/** Code-unit order, the same on every machine and locale. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
