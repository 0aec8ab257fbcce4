import { apiFetch } from './client';

export interface Bilingual {
  zh: string;
  en: string;
}

/** One green behaviour the resident was credited for (绿色行为记录). */
export interface BehaviourEvent {
  eventId: string;
  behaviour: string;
  name: Bilingual;
  amount: number;
  unit: string;
  grams: number;
  points: number;
  capped: boolean;
  reversed: boolean;
  pending: boolean;
  occurredAt: string;
  day: string;
}

export interface BehaviourTotals {
  events: number;
  grams: number;
  points: number;
  byBehaviour: { behaviour: string; name: Bilingual; events: number; grams: number; points: number }[];
}

export interface BehaviourSummary {
  month: string;
  thisMonth: BehaviourTotals;
  allTime: BehaviourTotals;
}

export function fetchMyBehaviours(
  cursor: string | null,
  signal?: AbortSignal,
): Promise<{ items: BehaviourEvent[]; next: string | null }> {
  const query = new URLSearchParams({ limit: '20' });
  if (cursor) query.set('cursor', cursor);
  return apiFetch(`/carbon/behaviours/me?${query}`, { signal });
}

export function fetchMyBehaviourSummary(signal?: AbortSignal): Promise<BehaviourSummary> {
  return apiFetch<BehaviourSummary>('/carbon/behaviours/me/summary', { signal });
}
