import { type HolidayCalendar, isProvisional, shanghaiDate, workingDaysBetween } from '../../kernel/calendar';
import { maskResidentId } from '../../kernel/identity';
import type { Dispute } from './dispute-service';
import type { Explanation } from './explanation';
import type { Measure } from './measures';
import type { CreditRecord } from './record-service';
import { type RecordType, recordType } from './record-types';
import { type ScoreModel, tierOf } from './score-model';
import type { ScoreView } from './score-service';

const names = (type: RecordType | undefined, code: string) => ({
  zh: type?.zh ?? code,
  en: type?.en ?? code,
});

/** A record for the API; `mask` hides the resident ID from anyone but the resident. */
export function presentRecord(record: CreditRecord, mask: boolean) {
  const type = recordType(record.type);
  return {
    id: record.id,
    recordId: record.recordId,
    source: record.source,
    residentId: mask ? maskResidentId(record.residentId) : record.residentId,
    type: record.type,
    typeName: names(type, record.type),
    polarity: type?.polarity ?? 'positive',
    dimension: type?.dimension ?? 'identity',
    department: record.department,
    quantity: record.quantity,
    unit: type?.unit ?? { zh: '', en: '' },
    occurredOn: record.occurredOn,
    validUntil: record.validUntil,
    evidenceRef: record.evidenceRef,
    status: record.status as 'active',
    revision: record.revision,
    repairable: type?.repairable ?? false,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** The score with its explanation, dimension and type names resolved for display. */
export function presentScore(view: ScoreView, model: ScoreModel, explanation: Explanation) {
  const tier = tierOf(model, view.score);
  const dimensionNames = new Map(model.dimensions.map((d) => [d.code, d]));
  return {
    residentId: view.residentId,
    score: view.score,
    tier: view.tier,
    tierName: { zh: tier.zh, en: tier.en },
    modelVersion: view.modelVersion,
    computedAt: view.computedAt,
    stored: view.stored,
    range: { min: model.min, max: model.max },
    tiers: model.tiers.map((t) => ({ code: t.code, min: t.min, zh: t.zh, en: t.en })),
    dimensions: explanation.score.dimensions.map((d) => ({
      ...d,
      zh: dimensionNames.get(d.code)?.zh ?? d.code,
      en: dimensionNames.get(d.code)?.en ?? d.code,
    })),
    topRecords: explanation.topRecords.map((r) => ({ ...r, typeName: names(recordType(r.type), r.type) })),
    suggestions: explanation.suggestions.map((s) => ({
      ...s,
      typeName: names(recordType(s.type), s.type),
      unit: recordType(s.type)?.unit ?? { zh: '', en: '' },
    })),
  };
}

/**
 * A dispute with its working days left (negative when overdue) and whether its due date lies in a provisional
 * calendar year (it may move once that year's notice is added); officers see the resident ID masked.
 */
export function presentDispute(
  dispute: Dispute,
  mask: boolean,
  calendar: HolidayCalendar,
  now: Date,
  recordTypeCode: string | null = null,
) {
  let workingDaysLeft: number | null = null;
  if (dispute.status === 'open') {
    try {
      workingDaysLeft = workingDaysBetween(calendar, shanghaiDate(now), dispute.dueOn);
    } catch {
      workingDaysLeft = null; // a year without calendar data: the due date still shows
    }
  }
  return {
    ...dispute,
    residentId: mask ? maskResidentId(dispute.residentId) : dispute.residentId,
    workingDaysLeft,
    dueDateProvisional: isProvisional(calendar, dispute.dueOn),
    ...(recordTypeCode
      ? { recordType: recordTypeCode, recordTypeName: names(recordType(recordTypeCode), recordTypeCode) }
      : {}),
  };
}

export function presentMeasure(measure: Measure & { qualifies?: boolean }) {
  return {
    id: measure.id,
    kind: measure.kind,
    providerId: measure.providerId,
    provider: { zh: measure.providerZh, en: measure.providerEn },
    name: { zh: measure.zh, en: measure.en },
    benefit: { zh: measure.benefitZh, en: measure.benefitEn },
    minTier: measure.minTier,
    disclosesTier: measure.disclosesTier,
    validFrom: measure.validFrom,
    validUntil: measure.validUntil,
    ...(measure.qualifies === undefined ? {} : { qualifies: measure.qualifies }),
  };
}
