import { apiFetch } from './client';

/** A reward in the points mall (积分兑换), with what is left in stock. */
export interface Reward {
  code: string;
  nameZh: string;
  nameEn: string;
  points: number;
  stockLeft: number;
  partner: string;
}

export interface Redemption {
  id: string;
  rewardCode: string;
  quantity: number;
  points: number;
  createdAt: string;
  /** The server answered a repeated Idempotency-Key with the first redemption. */
  replayed: boolean;
}

export async function fetchRewards(signal?: AbortSignal): Promise<Reward[]> {
  return (await apiFetch<{ items: Reward[] }>('/carbon/rewards', { signal })).items;
}

export async function fetchMyRedemptions(signal?: AbortSignal): Promise<Redemption[]> {
  return (await apiFetch<{ items: Redemption[] }>('/carbon/redemptions/me', { signal })).items;
}

/**
 * Redeems points for a reward. The caller keeps one `idempotencyKey` per confirmation dialog, so a double click
 * or a retry after a lost answer is one purchase, not two.
 */
export function redeemReward(code: string, quantity: number, idempotencyKey: string): Promise<Redemption> {
  return apiFetch<Redemption>(`/carbon/rewards/${encodeURIComponent(code)}/redemptions`, {
    method: 'POST',
    body: { quantity },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}
