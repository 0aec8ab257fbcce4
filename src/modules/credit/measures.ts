import { readFileSync } from 'node:fs';
import { dataPath } from '../../kernel/paths';

/** 守信联合激励措施 — a perk for trustworthy residents, offered by a public body (public) or a business (market). */
export interface Measure {
  id: string;
  kind: 'public' | 'market';
  providerId: string;
  providerZh: string;
  providerEn: string;
  zh: string;
  en: string;
  benefitZh: string;
  benefitEn: string;
  /** The lowest tier that qualifies. */
  minTier: string;
  /** True where the benefit depends on the tier (a loan quota uplift), so the provider learns the tier. */
  disclosesTier: boolean;
  validFrom: string;
  validUntil: string | null;
}

interface ShippedFile {
  providers: { id: string; zh: string; en: string }[];
  measures: (Omit<Measure, 'providerZh' | 'providerEn'> & {})[];
}

/** The measures shipped in data/credit/measures.json, with their providers' names. */
export function shippedMeasures(): Measure[] {
  const file = JSON.parse(readFileSync(dataPath('credit', 'measures.json'), 'utf8')) as ShippedFile;
  const providers = new Map(file.providers.map((p) => [p.id, p]));
  return file.measures.map((m) => {
    const provider = providers.get(m.providerId);
    if (!provider)
      throw new Error(`data/credit/measures.json: measure ${m.id} names unknown provider ${m.providerId}`);
    return { ...m, providerZh: provider.zh, providerEn: provider.en };
  });
}

/** Whether a measure is offered on `date` (YYYY-MM-DD). */
export const inForce = (measure: Pick<Measure, 'validFrom' | 'validUntil'>, date: string) =>
  measure.validFrom <= date && (measure.validUntil === null || date < measure.validUntil);

/**
 * Whether a resident of `tier` qualifies for `measure` on `date`: the measure is in force and the tier ranks at
 * least the one required. `rank` orders tier codes under the model in force (higher is better).
 */
export function qualifies(
  measure: Measure,
  tier: string,
  date: string,
  rank: (code: string) => number,
): boolean {
  const required = rank(measure.minTier);
  return inForce(measure, date) && required >= 0 && rank(tier) >= required;
}
