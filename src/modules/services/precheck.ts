import { isIsoDate } from '../../kernel/calendar';
import type { Label } from '../../kernel/exchange';
import { evaluateRule, type Facts, type FactValue } from '../../kernel/rules';
import type { FormField, ItemDefinition } from './catalogue';

/**
 * 预审 — the pre-check of an application: is the form complete and well-formed, are the materials all there, and
 * do the acceptance conditions hold? Every problem is reported together (一次性告知), each with a message the
 * applicant can act on. Pure: the caller supplies the fetched proofs and what was uploaded.
 */

export interface PrecheckProblem {
  kind: 'form' | 'material' | 'condition';
  /** The form field or material key; null for a condition. */
  key: string | null;
  message: Label;
}

/** What the applicant is, as the conditions see it (derived from the ID number or USCC, no registry needed). */
export interface ApplicantFacts {
  type: 'resident' | 'enterprise';
  /** Completed years on the day of the check; null for an enterprise. */
  age: number | null;
  /** The 6-digit city code of registration (the ID's or USCC's division, rounded to its city). */
  registeredCity: string;
}

export interface PrecheckInput {
  form: Readonly<Record<string, unknown>>;
  /** Keys of the materials uploaded so far. */
  uploaded: ReadonlySet<string>;
  /** Whether the applicant let the office fetch the registry materials. */
  consent: boolean;
  /** Fetched records by dataset (only the declared fields); null when the registry has no record. */
  proofs: ReadonlyMap<string, Readonly<Record<string, FactValue>> | null>;
  applicant: ApplicantFacts;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function formFieldProblem(field: FormField, value: unknown): Label | null {
  const empty = value === undefined || value === null || value === '';
  if (empty)
    return field.required ? { zh: `请填写“${field.label.zh}”`, en: `Fill in “${field.label.en}”` } : null;
  if (field.type === 'number' && (typeof value !== 'number' || !Number.isFinite(value)))
    return { zh: `“${field.label.zh}”应为数字`, en: `“${field.label.en}” must be a number` };
  if (
    // isIsoDate checks the day exists: Date.parse would roll 2026-02-30 over to March.
    field.type === 'date' &&
    (typeof value !== 'string' || !DATE.test(value) || !isIsoDate(value))
  )
    return {
      zh: `“${field.label.zh}”应为日期（YYYY-MM-DD）`,
      en: `“${field.label.en}” must be a date (YYYY-MM-DD)`,
    };
  if (field.type === 'select' && !field.options?.some((option) => option.value === value))
    return {
      zh: `“${field.label.zh}”应为：${field.options?.map((o) => o.label.zh).join('、')}`,
      en: `“${field.label.en}” must be one of: ${field.options?.map((o) => o.label.en).join(', ')}`,
    };
  if (field.type === 'text' && (typeof value !== 'string' || value.length > 500))
    return {
      zh: `“${field.label.zh}”应为不超过500字的文字`,
      en: `“${field.label.en}” must be text of at most 500 characters`,
    };
  return null;
}

/** Whether the material must be uploaded: an applicant material, or a registry one the applicant did not let us fetch. */
export function uploadRequired(material: ItemDefinition['materials'][number], consent: boolean): boolean {
  if (material.source === 'applicant') return material.required;
  return material.source === 'registry' && !consent;
}

/** The facts the acceptance conditions read: the applicant's, the fetched fields and the form. */
export function factsFor(input: PrecheckInput): Facts {
  const facts: Record<string, FactValue | undefined> = {
    'applicant.type': input.applicant.type,
    'applicant.age': input.applicant.age,
    'applicant.registeredCity': input.applicant.registeredCity,
  };
  for (const [dataset, record] of input.proofs)
    for (const [field, value] of Object.entries(record ?? {})) facts[`${dataset}.${field}`] = value;
  for (const [key, value] of Object.entries(input.form))
    if (value !== undefined) facts[`form.${key}`] = value as FactValue;
  return facts;
}

/** Every problem with the application, in the order an applicant reads the form: fields, materials, conditions. */
export function precheck(item: ItemDefinition, input: PrecheckInput): PrecheckProblem[] {
  const problems: PrecheckProblem[] = [];
  for (const field of item.form) {
    const message = formFieldProblem(field, input.form[field.key]);
    if (message) problems.push({ kind: 'form', key: field.key, message });
  }
  for (const material of item.materials) {
    if (uploadRequired(material, input.consent) && !input.uploaded.has(material.key))
      problems.push({
        kind: 'material',
        key: material.key,
        message: { zh: `请上传“${material.name.zh}”`, en: `Upload “${material.name.en}”` },
      });
    else if (
      material.source === 'registry' &&
      input.consent &&
      input.proofs.get(material.dataset) === null &&
      !input.uploaded.has(material.key)
    )
      problems.push({
        kind: 'material',
        key: material.key,
        message: {
          zh: `未在登记库中查到“${material.name.zh}”，请上传该材料`,
          en: `No record of “${material.name.en}” was found in the registry: upload it`,
        },
      });
  }
  // Without consent the registry facts come on paper: an officer checks those conditions against the uploads.
  const checkable = (fact: string | null) =>
    input.consent || (fact !== null && (fact.startsWith('applicant.') || fact.startsWith('form.')));
  for (const failure of evaluateRule(item.conditions, factsFor(input)).failures)
    if (checkable(failure.fact))
      problems.push({ kind: 'condition', key: failure.fact, message: failure.message });
  return problems;
}
