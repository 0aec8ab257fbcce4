import { addDays } from '../../kernel/calendar';
import type { RecordType } from './record-types';
import { computeScore, type RecordImpact, type Score, type ScoredRecord } from './score';
import type { ScoreModel } from './score-model';

/** One way the score could rise, with the gain computed by the model (not estimated). */
export type Suggestion =
  | { kind: 'add'; type: string; quantity: number; gain: number }
  | { kind: 'repair'; type: string; recordId: string; gain: number };

export interface Explanation {
  score: Score;
  /** The records that moved the score most (by weighted effect), at most `top`. */
  topRecords: RecordImpact[];
  /** What would raise it, largest gain first. */
  suggestions: Suggestion[];
}

/**
 * Why a resident has their score: each dimension's part (in `score.dimensions`), the records that moved it most,
 * and what would raise it — a further step of each positive kind the resident can act on (20 volunteer hours,
 * 12 months of contributions…) and 信用修复 of each repairable negative record, each priced by re-scoring.
 */
export function explainScore(
  model: ScoreModel,
  types: ReadonlyMap<string, RecordType>,
  records: readonly ScoredRecord[],
  asOf: string,
  top = 5,
): Explanation {
  const score = computeScore(model, types, records, asOf);
  const gainWith = (changed: readonly ScoredRecord[]) =>
    computeScore(model, types, changed, asOf).score - score.score;
  const suggestions: Suggestion[] = [];
  for (const type of types.values()) {
    if (type.polarity !== 'positive' || type.suggestedStep === 0 || !model.types[type.code]) continue;
    const extra: ScoredRecord = {
      id: '(suggestion)',
      type: type.code,
      quantity: type.suggestedStep,
      occurredOn: asOf,
      validUntil: addDays(asOf, 1),
      status: 'active',
    };
    const gain = gainWith([...records, extra]);
    if (gain > 0) suggestions.push({ kind: 'add', type: type.code, quantity: type.suggestedStep, gain });
  }
  for (const impact of score.impacts) {
    const type = types.get(impact.type);
    if (!type?.repairable || impact.points >= 0) continue;
    const gain = gainWith(
      records.map((r) => (r.id === impact.id ? { ...r, status: 'repaired' as const } : r)),
    );
    if (gain > 0) suggestions.push({ kind: 'repair', type: impact.type, recordId: impact.id, gain });
  }
  suggestions.sort((a, b) => b.gain - a.gain || a.type.localeCompare(b.type));
  return { score, topRecords: score.impacts.slice(0, top), suggestions };
}
