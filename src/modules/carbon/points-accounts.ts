/** The points issuer: the other side of every credited point (积分发行). */
export const POINTS_ISSUER = 'carbon.points.issued';

/** Where spent points go: cancelled centrally, never paid out (碳积分核销). */
export const POINTS_REDEEMED = 'carbon.points.redeemed';

/** A resident's points wallet in the ledger; it never goes below zero. */
export const walletOf = (residentId: string) => `carbon.points:${residentId.toUpperCase()}`;
