import type { ProviderDirectory } from '../../kernel/exchange';
import type { SlaStatus } from '../../kernel/workflow';
import { type CaseRecord, overVisits, promisedVisits } from './case-record';
import { isCertificateFree, registryFetches, type ServiceItem } from './catalogue';

export const presentItemSummary = (item: ServiceItem) => ({
  id: item.id,
  key: item.key,
  cityCode: item.cityCode,
  version: item.version,
  name: item.name,
  category: item.category,
  department: item.department,
  level: item.level,
  applicant: item.applicant,
  promisedLimitDays: item.promisedLimitDays,
  legalLimitDays: item.legalLimitDays,
  maxVisits: item.maxVisits,
  channels: item.channels,
  alliance: item.alliance,
  crossProvinceModes: item.crossProvinceModes,
  certificateFree: isCertificateFree(item),
  feeFen: item.feeFen,
});

/** The item with its registry fetches named, so an applicant sees what will be read before consenting. */
export function presentItem(item: ServiceItem, directory: ProviderDirectory) {
  const { id, key, cityCode, version, ...definition } = item;
  return {
    id,
    key,
    cityCode,
    version,
    definition,
    fetches: [...registryFetches(item)].map(([dataset, fields]) => {
      const provider = directory.get(dataset);
      return {
        dataset,
        name: provider?.name ?? { zh: dataset, en: dataset },
        keeper: provider?.keeper ?? { zh: '', en: '' },
        fields: fields.map((field) => ({
          field,
          label: provider?.fields[field] ?? { zh: field, en: field },
        })),
      };
    }),
  };
}

export const presentCase = (
  record: CaseRecord,
  itemName: { zh: string; en: string },
  sla: SlaStatus | null,
) => ({
  id: record.id,
  itemId: record.itemId,
  itemVersion: record.itemVersion,
  itemName,
  department: record.department,
  applicantType: record.applicantType,
  applicantId: record.applicantId,
  applicantName: record.applicantName,
  handlingDivision: record.handlingDivision,
  receivingDivision: record.receivingDivision,
  mode: record.mode,
  channel: record.channel,
  state: record.state,
  submittedAt: record.submittedAt,
  acceptedOn: record.acceptedOn,
  limitDays: record.limitDays,
  dueOn: record.dueOn,
  sla,
  escalated: record.escalatedAt !== null,
  visits: record.visits,
  maxVisits: record.maxVisits,
  promisedVisits: promisedVisits(record),
  overVisits: overVisits(record),
  assigneeName: record.assigneeName,
  returnReasons: record.returnReasons,
  decisionReason: record.decisionReason,
  decidedAt: record.decidedAt,
  delivery: record.delivery,
  trackingNumber: record.trackingNumber,
  resultNumber: record.resultNumber,
  version: record.rowVersion,
});

const CASE_PROOFS = {
  zh: '办件中已调取的证明（经办部门查看）',
  en: 'Proofs fetched for a case (viewed by the handling office)',
};

/**
 * A 数据使用记录 entry's dataset and fields in words: a registry's own names from the exchange's directory; the
 * proofs of a case by their material keys; anything else (another module's dataset) by its code.
 */
export function describeDataset(directory: ProviderDirectory, dataset: string, fields: readonly string[]) {
  const provider = dataset.startsWith('registry.') ? directory.get(dataset.slice('registry.'.length)) : null;
  if (provider)
    return {
      datasetName: provider.name,
      fieldNames: fields.map((field) => provider.fields[field] ?? { zh: field, en: field }),
    };
  return {
    datasetName: dataset === 'services.case_proofs' ? CASE_PROOFS : { zh: dataset, en: dataset },
    fieldNames: fields.map((field) => ({ zh: field, en: field })),
  };
}
