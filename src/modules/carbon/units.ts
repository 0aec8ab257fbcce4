/**
 * Activity kinds an enterprise reports (活动数据) and the units each accepts. Every amount is converted to the
 * kind's base unit, the unit its emission factor is expressed per.
 */
export const ACTIVITY_KINDS = [
  'electricity',
  'own_renewable',
  'heat',
  'raw_coal',
  'natural_gas',
  'diesel',
  'gasoline',
  'process',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Fuels whose factor is derived from NCV × carbon content × oxidation rows (`<kind>.ncv`, …). */
export const FUEL_KINDS = ['raw_coal', 'natural_gas', 'diesel', 'gasoline'] as const;
export type FuelKind = (typeof FUEL_KINDS)[number];

interface UnitDefinition {
  /** One of this unit is `multiply / divide` base units (dividing keeps kg → t and Nm3 → 10^4Nm3 exact). */
  multiply?: number;
  divide?: number;
  /** Set when the conversion rests on an assumption the result must show. */
  assumption?: string;
}

interface KindUnits {
  base: string;
  units: Readonly<Record<string, UnitDefinition>>;
}

const ELECTRICITY: KindUnits = {
  base: 'kWh',
  units: { kWh: {}, MWh: { multiply: 1_000 }, '10^4kWh': { multiply: 10_000 } },
};

// Litres need a density; these are the usual Chinese conversion figures (1 t gasoline ≈ 1,351 L, diesel ≈ 1,190 L).
const GASOLINE_DENSITY = 0.74;
const DIESEL_DENSITY = 0.84;

const UNITS: Record<ActivityKind, KindUnits> = {
  electricity: ELECTRICITY,
  own_renewable: ELECTRICITY,
  heat: {
    base: 'GJ',
    // 1 kgce = 29,307.6 kJ by definition (GB/T 2589-2020), so heat in tonnes of coal equivalent converts exactly.
    units: { GJ: {}, MJ: { divide: 1_000 }, tce: { multiply: 29.3076 } },
  },
  raw_coal: { base: 't', units: { t: {}, kg: { divide: 1_000 } } },
  natural_gas: {
    base: '10^4Nm3',
    units: {
      '10^4Nm3': {},
      Nm3: { divide: 10_000 },
      m3: {
        divide: 10_000,
        assumption: 'm3 taken as Nm3: the meter reading is assumed already at reference conditions',
      },
    },
  },
  diesel: {
    base: 't',
    units: {
      t: {},
      kg: { divide: 1_000 },
      L: {
        multiply: DIESEL_DENSITY,
        divide: 1_000,
        assumption: `diesel density assumed ${DIESEL_DENSITY} kg/L`,
      },
    },
  },
  gasoline: {
    base: 't',
    units: {
      t: {},
      kg: { divide: 1_000 },
      L: {
        multiply: GASOLINE_DENSITY,
        divide: 1_000,
        assumption: `gasoline density assumed ${GASOLINE_DENSITY} kg/L`,
      },
    },
  },
  process: { base: 'tCO2', units: { tCO2: {}, kgCO2: { divide: 1_000 } } },
};

/** Spellings people type for the same unit (万 = 10^4). */
const ALIASES: Readonly<Record<string, string>> = {
  万kWh: '10^4kWh',
  万Nm3: '10^4Nm3',
  'Nm³': 'Nm3',
  'm³': 'm3',
};

export type Conversion =
  | { ok: true; value: number; baseUnit: string; assumption?: string }
  | { ok: false; reason: 'unknown_kind'; allowed: readonly string[] }
  | { ok: false; reason: 'unknown_unit'; allowed: readonly string[] };

export const isActivityKind = (kind: string): kind is ActivityKind => Object.hasOwn(UNITS, kind);

/** The base unit of a kind (what its factor is per). */
export const baseUnit = (kind: ActivityKind): string => UNITS[kind].base;

/** The units a kind accepts, for a 422 that names them. */
export const allowedUnits = (kind: ActivityKind): string[] => Object.keys(UNITS[kind].units);

/**
 * Converts an amount to the kind's base unit.
 * @example convert('electricity', 2.5, 'MWh') // { ok: true, value: 2500, baseUnit: 'kWh' }
 * @example convert('raw_coal', 1, 'kWh') // { ok: false, reason: 'unknown_unit', allowed: ['t', 'kg'] }
 */
export function convert(kind: string, amount: number, unit: string): Conversion {
  if (!isActivityKind(kind)) return { ok: false, reason: 'unknown_kind', allowed: ACTIVITY_KINDS };
  const spec = UNITS[kind];
  const definition = spec.units[ALIASES[unit] ?? unit];
  if (!definition) return { ok: false, reason: 'unknown_unit', allowed: allowedUnits(kind) };
  const value = (amount * (definition.multiply ?? 1)) / (definition.divide ?? 1);
  return definition.assumption
    ? { ok: true, value, baseUnit: spec.base, assumption: definition.assumption }
    : { ok: true, value, baseUnit: spec.base };
}

/** The inverse of convert: a base-unit amount expressed in `unit` (for display and round-trip checks). */
export function fromBase(kind: ActivityKind, baseAmount: number, unit: string): number | null {
  const definition = UNITS[kind].units[ALIASES[unit] ?? unit];
  return definition ? (baseAmount * (definition.divide ?? 1)) / (definition.multiply ?? 1) : null;
}
