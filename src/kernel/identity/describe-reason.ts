import type { IdentifierReason } from './classify';
import type { AllowedCharacters } from './parse-result';
import { REGISTRATION_TYPES } from './uscc-registration-types';

export type MessageLanguage = 'zh-CN' | 'en';

const ALLOWED: Record<AllowedCharacters, [zh: string, en: string]> = {
  digit: ['数字', 'a digit'],
  digit_or_x: ['数字或 X', 'a digit or X'],
  uscc_alphabet: [
    '数字或除 I、O、Z、S、V 外的大写字母',
    'a digit or a capital letter other than I, O, Z, S, V',
  ],
};

const BIRTH_DATE_PROBLEMS = {
  not_a_date: ['不是有效日期', 'is not a real date'],
  in_future: ['晚于今天', 'is in the future'],
  before_1900: ['早于 1900-01-01', 'is before 1900-01-01'],
} as const;

/**
 * One sentence telling a person what is wrong and what was expected, e.g. for a wrong check digit
 * "校验码应为 X，实际为 5" / "check digit should be X, found 5".
 */
export function describeReason(reason: IdentifierReason, language: MessageLanguage): string {
  const [zh, en] = messages(reason);
  return language === 'zh-CN' ? zh : en;
}

function messages(reason: IdentifierReason): [zh: string, en: string] {
  switch (reason.code) {
    case 'length':
      return [
        `长度应为 ${reason.expected} 位，实际为 ${reason.found} 位`,
        `should be ${reason.expected} characters long, found ${reason.found}`,
      ];
    case 'characters': {
      const [zhAllowed, enAllowed] = ALLOWED[reason.allowed];
      return [
        `第 ${reason.position} 位应为${zhAllowed}，实际为“${reason.found}”`,
        `character ${reason.position} should be ${enAllowed}, found '${reason.found}'`,
      ];
    }
    case 'division':
      if ('provincePrefix' in reason) {
        return [
          `行政区划代码 ${reason.divisionCode} 的前两位 ${reason.provincePrefix} 不是有效的省级代码`,
          `division code ${reason.divisionCode}: ${reason.provincePrefix} is not a province code (GB/T 2260)`,
        ];
      }
      return [
        `第 3-8 位登记管理机关行政区划码应为 6 位数字，实际为 ${reason.divisionCode}`,
        `characters 3-8 (division code of the registering office) should be 6 digits, found ${reason.divisionCode}`,
      ];
    case 'birth_date': {
      const [zhProblem, enProblem] = BIRTH_DATE_PROBLEMS[reason.problem];
      return [`出生日期 ${reason.birthDate} ${zhProblem}`, `birth date ${reason.birthDate} ${enProblem}`];
    }
    case 'check_digit':
      return [
        `校验码应为 ${reason.expected}，实际为 ${reason.found}`,
        `check digit should be ${reason.expected}, found ${reason.found}`,
      ];
    case 'registration_type': {
      const department = REGISTRATION_TYPES[reason.department];
      if (!department) {
        const known = Object.keys(REGISTRATION_TYPES).join(', ');
        return [
          `第 1 位登记管理部门代码“${reason.department}”不存在，可用：${known}`,
          `registration department '${reason.department}' (character 1) does not exist; use one of ${known}`,
        ];
      }
      const allowed = reason.allowedTypes.join(', ');
      return [
        `登记管理部门 ${reason.department}（${department.name}）下没有机构类别“${reason.type}”，可用：${allowed}`,
        `registration department ${reason.department} has no organisation type '${reason.type}'; use one of ${allowed}`,
      ];
    }
    case 'organisation_code':
      return [
        `组织机构代码 ${reason.organisationCode} 的校验码应为 ${reason.expected}，实际为 ${reason.found}`,
        `organisation code ${reason.organisationCode}: check character should be ${reason.expected}, found ${reason.found}`,
      ];
    case 'check_char':
      return [
        `校验码应为 ${reason.expected}，实际为 ${reason.found}`,
        `check character should be ${reason.expected}, found ${reason.found}`,
      ];
    case 'prefix':
      return [
        `手机号应以 13-19 开头，实际以 ${reason.found} 开头`,
        `a mobile number starts with 13 to 19, found ${reason.found}`,
      ];
    case 'unrecognised':
      return [
        `无法识别为身份证号、统一社会信用代码或手机号（${reason.length} 个字符）`,
        `not recognisable as a resident ID, USCC or mobile number (${reason.length} characters)`,
      ];
  }
}
