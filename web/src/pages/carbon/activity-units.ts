import type { ActivityKind } from '../../api/carbon';

/**
 * The units each activity kind accepts, base unit first, as the server's `src/modules/carbon/units.ts` lists
 * them (a unit test keeps the two in step). The unit select offers only these, so a kind never gets a unit
 * it cannot convert.
 */
export const ACTIVITY_UNITS: Readonly<Record<ActivityKind, readonly string[]>> = {
  electricity: ['kWh', 'MWh', '10^4kWh'],
  own_renewable: ['kWh', 'MWh', '10^4kWh'],
  heat: ['GJ', 'MJ', 'tce'],
  raw_coal: ['t', 'kg'],
  natural_gas: ['10^4Nm3', 'Nm3', 'm3'],
  diesel: ['t', 'kg', 'L'],
  gasoline: ['t', 'kg', 'L'],
  process: ['tCO2', 'kgCO2'],
};

/** In the order the kind select lists them: purchased energy first, fuels, then the rest. */
export const ACTIVITY_KINDS: readonly ActivityKind[] = [
  'electricity',
  'heat',
  'raw_coal',
  'natural_gas',
  'diesel',
  'gasoline',
  'process',
  'own_renewable',
];

/** The unit a newly chosen kind starts with: its base unit. */
export function defaultUnit(kind: ActivityKind): string {
  return ACTIVITY_UNITS[kind][0] ?? '';
}

/**
 * How a unit reads: `10^4` is 万 in Chinese and a power of ten in English; cubes and CO₂ get their subscripts.
 * Works on factor units too (`tCO2/10^4Nm3`).
 * @example unitLabel('10^4Nm3', 'zh-CN') === '万 Nm³'
 */
export function unitLabel(unit: string, language: string): string {
  return unit
    .replace(/10\^4/g, language === 'en' ? '10⁴ ' : '万 ')
    .replace(/m3\b/g, 'm³')
    .replace(/CO2/g, 'CO₂');
}
