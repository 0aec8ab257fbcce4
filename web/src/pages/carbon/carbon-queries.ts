import { queryOptions } from '@tanstack/react-query';
import { fetchMyCarbonAccounts, fetchMyPointsBalance } from '../../api/carbon';
import { fetchMyRedemptions, fetchRewards } from '../../api/carbon-rewards';

/** `/carbon/accounts/me`: the signed-in resident's or enterprise's carbon accounts. */
export const myCarbonAccountsQuery = queryOptions({
  queryKey: ['carbon', 'accounts', 'me'],
  queryFn: ({ signal }) => fetchMyCarbonAccounts(signal),
  staleTime: 5 * 60_000,
});

/** `/carbon/points/me`: the resident's points balance; kept fresh, partner systems post points any time. */
export const myPointsBalanceQuery = queryOptions({
  queryKey: ['carbon', 'points', 'me'],
  queryFn: ({ signal }) => fetchMyPointsBalance(signal),
  staleTime: 30_000,
});

/** `/carbon/rewards`: the points mall with stock left. */
export const rewardsQuery = queryOptions({
  queryKey: ['carbon', 'rewards'],
  queryFn: ({ signal }) => fetchRewards(signal),
  staleTime: 60_000,
});

/** `/carbon/redemptions/me`: what the resident has redeemed, newest first. */
export const myRedemptionsQuery = queryOptions({
  queryKey: ['carbon', 'redemptions', 'me'],
  queryFn: ({ signal }) => fetchMyRedemptions(signal),
  staleTime: 60_000,
});
