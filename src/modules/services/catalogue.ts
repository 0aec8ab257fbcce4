import type { Label } from '../../kernel/exchange';
import type { Rule } from '../../kernel/rules';

/**
 * 政务服务事项 — one service item of the catalogue (事项目录): what it takes, who handles it, how long it may take
 * and how many visits it may cost. A template in data/services/items.json becomes one item per city that offers it.
 */

export const CATEGORIES = [
  'social_security',
  'police',
  'business',
  'provident_fund',
  'education',
  'medical_insurance',
  'elderly_care',
  'marriage_birth',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** The departments that handle items (officer departments of the same codes act on them). */
export const ITEM_DEPARTMENTS = [
  'human_resources',
  'public_security',
  'market',
  'provident_fund',
  'education',
  'medical_insurance',
  'civil_affairs',
  'health',
] as const;
export type ItemDepartment = (typeof ITEM_DEPARTMENTS)[number];

export const ITEM_TYPES = [
  'administrative_licence',
  'administrative_confirmation',
  'administrative_payment',
  'public_service',
  'other_power',
] as const;

export const CHANNELS = ['online', 'window'] as const;
export type Channel = (typeof CHANNELS)[number];

/** 跨省通办 modes (国办发〔2020〕35号): 全程网办, 异地代收代办, 多地联办. */
export const CROSS_PROVINCE_MODES = ['full_online', 'proxy', 'joint'] as const;
export type CrossProvinceMode = (typeof CROSS_PROVINCE_MODES)[number];

export const RESULT_KINDS = ['certificate', 'licence', 'card', 'notice', 'payment', 'record'] as const;
export const DELIVERIES = ['electronic', 'post', 'window'] as const;
export type Delivery = (typeof DELIVERIES)[number];

export const FORM_FIELD_TYPES = ['text', 'date', 'number', 'select'] as const;

/** A material the item requires and where it comes from. */
export type Material =
  | { key: string; name: Label; source: 'applicant'; required: boolean; original: boolean }
  | { key: string; name: Label; source: 'registry'; dataset: string; fields: string[] }
  | { key: string; name: Label; source: 'not_needed'; note: Label };

export interface FormField {
  key: string;
  label: Label;
  type: (typeof FORM_FIELD_TYPES)[number];
  required: boolean;
  /** `<dataset>.<field>` of the item's registry materials, or `applicant.name` / `applicant.phone`. */
  prefill?: string;
  options?: { value: string; label: Label }[];
}

/** The item's definition: everything an officer may edit (each edit is a new version). */
export interface ItemDefinition {
  name: Label;
  category: Category;
  department: ItemDepartment;
  level: 'city' | 'county';
  itemType: (typeof ITEM_TYPES)[number];
  applicant: 'resident' | 'enterprise';
  legalLimitDays: number;
  promisedLimitDays: number;
  feeFen: number;
  feeBasis: string | null;
  channels: Channel[];
  alliance: boolean;
  crossProvinceModes: CrossProvinceMode[];
  jointDepartments: ItemDepartment[];
  /** 最多跑一次: 0 (零跑腿) or 1. */
  maxVisits: 0 | 1;
  result: { kind: (typeof RESULT_KINDS)[number]; name: Label; delivery: Delivery[] };
  legalBasis: string;
  materials: Material[];
  form: FormField[];
  conditions: Rule;
}

/** A template of data/services/items.json: a definition under a stable key. */
export interface ItemTemplate extends ItemDefinition {
  key: string;
}

/** An item as one city offers it. */
export interface ServiceItem extends ItemDefinition {
  /** `<cityCode>-<key>`, e.g. `330800-hrss-social-security-card`. */
  id: string;
  key: string;
  cityCode: string;
  version: number;
}

export const itemId = (cityCode: string, key: string) => `${cityCode}-${key}`;

/** The materials fetched from registries (免提交), grouped by dataset with their fields. */
export function registryFetches(definition: Pick<ItemDefinition, 'materials'>): Map<string, string[]> {
  const fetches = new Map<string, string[]>();
  for (const material of definition.materials) {
    if (material.source !== 'registry') continue;
    const fields = fetches.get(material.dataset) ?? [];
    for (const field of material.fields) if (!fields.includes(field)) fields.push(field);
    fetches.set(material.dataset, fields);
  }
  return fetches;
}

/** True when the applicant uploads nothing: every material is fetched or not needed (无证明). */
export const isCertificateFree = (definition: Pick<ItemDefinition, 'materials'>) =>
  definition.materials.every((m) => m.source !== 'applicant');
