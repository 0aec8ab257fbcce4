import { Value } from '@sinclair/typebox/value';
import { type RuleProblem, ruleProblems } from '../../kernel/rules';
import type { ItemDefinition, ItemTemplate } from './catalogue';
import { ItemDefinitionSchema } from './item-schema';

/** Whether a registry dataset has a field: null when it does, else why not (the exchange's directory answers). */
export type FieldCheck = (dataset: string, field: string) => string | null;

const APPLICANT_FACTS = ['applicant.age', 'applicant.registeredCity', 'applicant.type'];

/**
 * Every problem with an item definition, shape first (TypeBox), then meaning: limits, visits, modes, the
 * materials' registries and fields, keys, prefills and the conditions' facts. An empty list means it is valid.
 */
export function definitionProblems(value: unknown, fieldCheck: FieldCheck, path = ''): RuleProblem[] {
  const at = (suffix: string) => (path ? `${path}.${suffix}` : suffix);
  const shape = [...Value.Errors(ItemDefinitionSchema, value)].map((error) => ({
    path: at(error.path.slice(1).replaceAll('/', '.')),
    message: error.message,
  }));
  if (shape.length > 0) return shape.slice(0, 20);
  const item = value as ItemDefinition;
  const problems: RuleProblem[] = [];
  const problem = (where: string, message: string) => problems.push({ path: at(where), message });

  if (item.promisedLimitDays > item.legalLimitDays)
    problem('promisedLimitDays', 'the promised limit cannot exceed the legal limit');
  if (item.feeFen > 0 && !item.feeBasis) problem('feeBasis', 'a fee needs its legal basis');
  if (item.maxVisits === 0 && !item.channels.includes('online'))
    problem('maxVisits', 'zero visits needs the online channel');
  if (item.alliance !== item.crossProvinceModes.length > 0)
    problem('crossProvinceModes', 'alliance items, and only they, have cross-province modes');
  if (item.crossProvinceModes.includes('full_online') && !item.channels.includes('online'))
    problem('crossProvinceModes', '全程网办 needs the online channel');
  const joint = item.crossProvinceModes.includes('joint');
  if (joint !== item.jointDepartments.length > 0)
    problem('jointDepartments', '多地联办, and only it, names the other departments that act');
  if (item.jointDepartments.includes(item.department))
    problem('jointDepartments', 'the handling department cannot also be a joint department');

  const keys = new Set<string>();
  const declared = new Set<string>();
  item.materials.forEach((material, i) => {
    if (keys.has(material.key)) problem(`materials.${i}.key`, `duplicate material key "${material.key}"`);
    keys.add(material.key);
    if (material.source === 'applicant' && material.original && item.maxVisits === 0)
      problem(`materials.${i}.original`, 'an original shown at a window costs a visit: maxVisits must be 1');
    if (material.source !== 'registry') return;
    const expected = item.applicant === 'enterprise' ? 'market_entity' : null;
    if (expected === null && material.dataset === 'market_entity')
      problem(`materials.${i}.dataset`, 'a resident’s item cannot fetch the market registry');
    if (expected !== null && material.dataset !== expected)
      problem(`materials.${i}.dataset`, 'an enterprise’s item fetches the market registry only');
    for (const field of material.fields) {
      const unknown = fieldCheck(material.dataset, field);
      if (unknown) problem(`materials.${i}.fields`, unknown);
      else declared.add(`${material.dataset}.${field}`);
    }
  });

  const formKeys = new Set<string>();
  item.form.forEach((field, i) => {
    if (formKeys.has(field.key)) problem(`form.${i}.key`, `duplicate form field "${field.key}"`);
    formKeys.add(field.key);
    if (field.type === 'select' && !field.options?.length)
      problem(`form.${i}.options`, 'a select needs options');
    if (
      field.prefill &&
      !declared.has(field.prefill) &&
      !['applicant.name', 'applicant.phone'].includes(field.prefill)
    )
      problem(`form.${i}.prefill`, `"${field.prefill}" is not a field the item fetches`);
  });

  const knownFact = (fact: string) => {
    if (APPLICANT_FACTS.includes(fact) || declared.has(fact)) return null;
    if (fact.startsWith('form.') && formKeys.has(fact.slice(5))) return null;
    return `"${fact}" is neither an applicant fact, a fetched registry field nor a form field of this item`;
  };
  problems.push(...ruleProblems(item.conditions, knownFact, at('conditions')));
  return problems;
}

/** The templates of the shipped catalogue, or throws listing every problem (a problem there is a bug). */
export function parseCatalogue(value: unknown, fieldCheck: FieldCheck): ItemTemplate[] {
  const items = (value as { items?: unknown })?.items;
  if (!Array.isArray(items)) throw new Error('catalogue: "items" must be an array');
  const problems: RuleProblem[] = [];
  const keys = new Set<string>();
  items.forEach((raw, i) => {
    const { key, ...definition } = (raw ?? {}) as { key?: unknown };
    if (typeof key !== 'string' || !/^[a-z][a-z0-9-]{2,63}$/.test(key))
      problems.push({ path: `items.${i}.key`, message: 'must be a kebab-case key' });
    else if (keys.has(key)) problems.push({ path: `items.${i}.key`, message: `duplicate key "${key}"` });
    else keys.add(key);
    problems.push(...definitionProblems(definition, fieldCheck, `items.${i}`));
  });
  if (problems.length > 0)
    throw new Error(`catalogue is invalid:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  return items as ItemTemplate[];
}
