/** The points issuer: the other side of every credited point (积分发行). */
export const POINTS_ISSUER = 'carbon.points.issued';

/** Where spent points go: cancelled centrally, never paid out (碳积分核销). */
export const POINTS_REDEEMED = 'carbon.points.redeemed';

/**
 * A resident's points wallet in the ledger, keyed by their carbon account number — never by the ID number, which
 * would then sit in the append-only audit log and in error messages. It never goes below zero.
 */
export const walletOf = (accountNo: string) => `carbon.points:${accountNo}`;
