import { Type } from '@sinclair/typebox';
import { StringEnum } from '../../http/schemas';
import { CARBON_LEVELS } from './carbon-efficiency';
import { FOUR_COLOUR_LABELS, LABEL_DIMENSIONS } from './four-colour';

/** Response schemas of the industrial-account routes (every field listed: responses are serialised by schema). */

const nullable = <T extends ReturnType<typeof Type.Number>>(schema: T) => Type.Union([schema, Type.Null()]);
const NullableNumber = nullable(Type.Number());
const Level = Type.Union([StringEnum(CARBON_LEVELS), Type.Null()]);
const Label = Type.Union([StringEnum(FOUR_COLOUR_LABELS), Type.Null()]);
const Grade = Type.Union([Type.Integer({ minimum: 1, maximum: 5 }), Type.Null()]);
const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });

export const FactorProvenanceSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  value: Type.Number(),
  unit: Type.String(),
  source: Type.String(),
  year: Type.Union([Type.Integer(), Type.Null()]),
  fallback: Type.Boolean({ description: 'No factor was published for the period: the latest year was used' }),
});

export const LabelResultSchema = Type.Object({
  label: StringEnum(FOUR_COLOUR_LABELS),
  score: Type.Number(),
  thresholdsVersion: Type.String(),
  dimensions: Type.Array(
    Type.Object({
      dimension: StringEnum(LABEL_DIMENSIONS),
      value: NullableNumber,
      score: Type.Number(),
      explanation: Bilingual,
    }),
  ),
  explanation: Bilingual,
});

export const EnterpriseMonthSchema = Type.Object(
  {
    uscc: Type.String(),
    period: Type.String(),
    status: StringEnum(['closed', 'provisional'] as const),
    totalTonnes: Type.Number(),
    energyTonnes: Type.Number(),
    processTonnes: Type.Number(),
    valueAdded: Type.Union([Type.Number({ description: '万元' }), Type.Null()]),
    intensity: Type.Union([Type.Number({ description: 't CO2 per 万元' }), Type.Null()]),
    level: Level,
    industryAverage: NullableNumber,
    k: NullableNumber,
    grade: Grade,
    label: Label,
    explanation: Type.Union([LabelResultSchema, Type.Null()]),
    factors: Type.Array(FactorProvenanceSchema),
    unconfirmedRows: Type.Integer(),
  },
  { $id: 'EnterpriseMonth', title: 'EnterpriseMonth' },
);

const PlausibilitySchema = Type.Object({
  plausible: Type.Boolean(),
  annualTonnes: Type.Number(),
  ceilingTonnes: Type.Number(),
  basis: StringEnum(['employees', 'output', 'minimum'] as const),
  ruleVersion: Type.String(),
});

export const ActivityEntrySchema = Type.Object(
  {
    uscc: Type.String(),
    period: Type.String(),
    kind: Type.String(),
    amount: Type.Number(),
    unit: Type.String(),
    channel: StringEnum(['entry', 'upload', 'seed'] as const),
    enteredBy: Type.Union([Type.String(), Type.Null()]),
    enteredAt: Type.String(),
    warning: Type.Union([PlausibilitySchema, Type.Null()]),
    confirmedBy: Type.Union([Type.String(), Type.Null()]),
    confirmedAt: Type.Union([Type.String(), Type.Null()]),
    counted: Type.Boolean({ description: 'False while a flagged figure waits for an officer' }),
  },
  { $id: 'ActivityEntry', title: 'ActivityEntry' },
);

export const RecordedMonthSchema = Type.Object({
  uscc: Type.String(),
  period: Type.String(),
  rows: Type.Array(Type.Ref('ActivityEntry')),
  valueAdded: NullableNumber,
  replaced: Type.Array(Type.String()),
});

export const MonthActivitySchema = Type.Object({
  rows: Type.Array(Type.Ref('ActivityEntry')),
  valueAdded: NullableNumber,
});

export const EnterpriseYearSchema = Type.Object({
  uscc: Type.String(),
  year: Type.Integer(),
  months: Type.Array(Type.Ref('EnterpriseMonth')),
  closedMonths: Type.Integer(),
  provisionalMonths: Type.Integer(),
  totalTonnes: Type.Number(),
  energyTonnes: Type.Number(),
  processTonnes: Type.Number(),
  valueAdded: NullableNumber,
  intensity: NullableNumber,
  level: Level,
  benchmarkClass: Type.Union([Type.String(), Type.Null()]),
  industryAverage: NullableNumber,
  k: NullableNumber,
  grade: Grade,
  unconfirmedRows: Type.Integer(),
  factors: Type.Array(FactorProvenanceSchema),
});

export const EnterpriseLabelSchema = Type.Object({
  uscc: Type.String(),
  period: Type.String(),
  label: StringEnum(FOUR_COLOUR_LABELS),
  intensity: Type.Number(),
  level: StringEnum(CARBON_LEVELS),
  industryAverage: NullableNumber,
  benchmarkClass: Type.Union([Type.String(), Type.Null()]),
  k: NullableNumber,
  grade: Grade,
  explanation: LabelResultSchema,
  closeRunId: Type.String(),
  computedAt: Type.String(),
});

export const UploadReportSchema = Type.Object({
  format: StringEnum(['csv', 'xlsx'] as const),
  dryRun: Type.Boolean(),
  totals: Type.Object({
    rows: Type.Integer(),
    accepted: Type.Integer(),
    warning: Type.Integer(),
    rejected: Type.Integer(),
  }),
  results: Type.Array(
    Type.Object({
      row: Type.Integer({ description: 'The line (CSV) or row (XLSX) number, header = 1' }),
      status: StringEnum(['accepted', 'warning', 'rejected'] as const),
      uscc: Type.String(),
      period: Type.String(),
      kind: Type.String(),
      messages: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() })),
    }),
  ),
});
