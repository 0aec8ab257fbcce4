import type { Language } from '../../kernel/errors';
import { describeReason } from '../../kernel/identity';
import type { RecordRejection } from './record-input';
import { recordType } from './record-types';

const typeName = (code: string, language: Language) => {
  const type = recordType(code);
  return type ? (language === 'zh-CN' ? type.zh : type.en) : code;
};

/** A per-record refusal as a sentence a person can act on. */
export function describeRejection(rejection: RecordRejection, language: Language): string {
  const zh = language === 'zh-CN';
  switch (rejection.code) {
    case 'bad_record_id':
      return zh
        ? '记录编号应为 1-64 位字母、数字或 . _ : -'
        : 'recordId must be 1-64 letters, digits or . _ : -';
    case 'bad_resident_id':
      return `${zh ? '身份证号码' : 'residentId '}${describeReason(rejection.reason, language)}`;
    case 'unknown_type':
      return zh ? `未知的记录类型 ${rejection.type}` : `Unknown record type ${rejection.type}`;
    case 'not_your_type':
      return zh
        ? `“${typeName(rejection.type, language)}”只能由 ${rejection.department} 部门报送`
        : `Only the ${rejection.department} department may report "${typeName(rejection.type, language)}"`;
    case 'bad_date':
      return zh
        ? `${rejection.field} 应为有效日期 YYYY-MM-DD：${rejection.value}`
        : `${rejection.field} must be a real YYYY-MM-DD date: ${rejection.value}`;
    case 'in_future':
      return zh
        ? `发生日期 ${rejection.occurredOn} 晚于今天 ${rejection.today}`
        : `occurredOn ${rejection.occurredOn} is after today (${rejection.today})`;
    case 'bad_quantity':
      return zh
        ? `数量应${rejection.whole ? '为整数，' : ''}大于 0 且不超过 ${rejection.max}`
        : `quantity must be ${rejection.whole ? 'a whole number ' : ''}above 0 and at most ${rejection.max} (${rejection.unit})`;
    case 'before_birth':
      return zh
        ? `发生日期早于该居民出生日期 ${rejection.birthDate}`
        : `occurredOn is before the resident was born (${rejection.birthDate})`;
    case 'validity_too_long':
      return zh
        ? `有效期不得超过该类型的期限，最晚 ${rejection.latest}`
        : `validUntil may not exceed the type's validity: ${rejection.latest} at the latest`;
    case 'validity_before_fact':
      return zh ? '有效期截止日应晚于发生日期' : 'validUntil must be after occurredOn';
    case 'already_expired':
      return zh
        ? `该记录已于 ${rejection.validUntil} 失效，不再计分`
        : `The record expired on ${rejection.validUntil} and would not count`;
    case 'unknown_resident':
      return zh ? '人口库中没有该居民' : 'No such resident in the population register';
    case 'outside_jurisdiction':
      return zh ? '该居民不在您的辖区内' : 'The resident is outside your jurisdiction';
    case 'duplicate_differs':
      return zh
        ? `记录编号 ${rejection.recordId} 已报送且内容不同：更正请走异议或修复流程`
        : `recordId ${rejection.recordId} was already reported with different content: corrections go through a dispute or repair`;
  }
}
