import { Type } from '@sinclair/typebox';
import { Strict, StringEnum } from '../../http/schemas';
import { DECISIONS, DISPUTE_KINDS } from './dispute-rules';
import { RECORD_ID_PATTERN } from './record-input';
import { DIMENSIONS } from './record-types';
import { RECORD_STATUSES } from './score';

const Names = { zh: Type.String(), en: Type.String() };
const DateText = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const RecordInputSchema = Type.Object(
  {
    recordId: Type.String({
      pattern: RECORD_ID_PATTERN,
      description: 'The source’s own id: a repeat never counts twice',
    }),
    residentId: Type.String({ minLength: 1, maxLength: 32, description: '公民身份号码 (18 characters)' }),
    type: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'A record type code from GET /record-types',
    }),
    occurredOn: Type.String({ maxLength: 10, description: 'YYYY-MM-DD, not in the future' }),
    quantity: Type.Optional(Type.Number({ description: 'Units (hours, months…); 1 when omitted' })),
    validUntil: Type.Optional(
      Type.String({ maxLength: 10, description: 'YYYY-MM-DD; default: the type’s validity' }),
    ),
    evidenceRef: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  },
  Strict,
);

export const CreditRecordSchema = Type.Object(
  {
    id: Type.String(),
    recordId: Type.String(),
    source: Type.String(),
    residentId: Type.String({ description: 'Masked unless the reader is the resident' }),
    type: Type.String(),
    typeName: Type.Object(Names),
    polarity: StringEnum(['positive', 'negative'] as const),
    dimension: StringEnum(DIMENSIONS),
    department: Type.String(),
    quantity: Type.Number(),
    unit: Type.Object(Names),
    occurredOn: Type.String(),
    validUntil: Type.String(),
    evidenceRef: Type.Union([Type.String(), Type.Null()]),
    status: StringEnum(RECORD_STATUSES),
    revision: Type.Integer(),
    repairable: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'CreditRecord', title: 'CreditRecord' },
);

export const SubmitResultSchema = Type.Object(
  {
    index: Type.Integer(),
    recordId: Type.String(),
    status: StringEnum(['accepted', 'duplicate', 'rejected'] as const),
    id: Type.Optional(Type.String()),
    reason: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
  },
  { $id: 'CreditSubmitResult', title: 'CreditSubmitResult' },
);

/** A row of an imported file: the submit result with the file's row number. */
export const ImportResultSchema = Type.Object({
  row: Type.Integer({ description: 'Line (CSV) or row (XLSX) number as the file shows it' }),
  index: Type.Integer(),
  recordId: Type.String(),
  status: StringEnum(['accepted', 'duplicate', 'rejected'] as const),
  id: Type.Optional(Type.String()),
  reason: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
});

export const ScoreSchema = Type.Object(
  {
    residentId: Type.String(),
    score: Type.Integer(),
    tier: Type.String(),
    tierName: Type.Object(Names),
    modelVersion: Type.String(),
    computedAt: Type.String({ format: 'date-time' }),
    stored: Type.Boolean({
      description: 'False: no records and no recompute yet, shown at the model’s base',
    }),
    range: Type.Object({ min: Type.Integer(), max: Type.Integer() }),
    tiers: Type.Array(Type.Object({ code: Type.String(), min: Type.Integer(), ...Names })),
    dimensions: Type.Array(
      Type.Object({
        code: StringEnum(DIMENSIONS),
        ...Names,
        contribution: Type.Number(),
        raw: Type.Number(),
        weighted: Type.Number(),
        cap: Type.Number(),
        floor: Type.Number(),
        limitedBy: Type.Union([StringEnum(['cap', 'floor'] as const), Type.Null()]),
      }),
    ),
    topRecords: Type.Array(
      Type.Object({
        id: Type.String(),
        type: Type.String(),
        typeName: Type.Object(Names),
        dimension: Type.String(),
        points: Type.Number(),
        strength: Type.Number(),
      }),
    ),
    suggestions: Type.Array(
      Type.Object({
        kind: StringEnum(['add', 'repair'] as const),
        type: Type.String(),
        typeName: Type.Object(Names),
        quantity: Type.Optional(Type.Number()),
        unit: Type.Object(Names),
        recordId: Type.Optional(Type.String()),
        gain: Type.Integer(),
      }),
    ),
  },
  { $id: 'CreditScore', title: 'CreditScore' },
);

export const HistoryPointSchema = Type.Object({
  score: Type.Integer(),
  tier: Type.String(),
  modelVersion: Type.String(),
  computedAt: Type.String({ format: 'date-time' }),
  cause: Type.String(),
});

export const DisputeSchema = Type.Object(
  {
    id: Type.String(),
    kind: StringEnum(DISPUTE_KINDS),
    recordId: Type.String(),
    residentId: Type.String({ description: 'Masked for officers' }),
    department: Type.String(),
    divisionCode: Type.String(),
    reason: Type.String(),
    evidenceRef: Type.Union([Type.String(), Type.Null()]),
    status: StringEnum(['open', ...DECISIONS] as const),
    submittedAt: Type.String({ format: 'date-time' }),
    dueOn: Type.String({ description: 'Last working day for a decision' }),
    recordType: Type.Optional(Type.String({ description: 'The disputed record’s type (in lists)' })),
    recordTypeName: Type.Optional(Type.Object(Names)),
    workingDaysLeft: Type.Union([Type.Integer(), Type.Null()], {
      description: 'For open cases; negative when overdue',
    }),
    dueDateProvisional: Type.Boolean({
      description:
        'The due date lies in a year whose State Council holiday notice is not yet published: counted on the statutory days off alone, it may move once the notice is added',
    }),
    decidedAt: Type.Union([Type.String(), Type.Null()]),
    decisionReason: Type.Union([Type.String(), Type.Null()]),
    correction: Type.Union([Type.Unknown(), Type.Null()]),
  },
  { $id: 'CreditDispute', title: 'CreditDispute' },
);

export const DisputeBody = Type.Object(
  {
    recordId: Type.String({ minLength: 1, maxLength: 64 }),
    kind: StringEnum(DISPUTE_KINDS),
    reason: Type.String({
      minLength: 2,
      maxLength: 1000,
      description: 'Why the record is wrong, or how its condition was remedied',
    }),
    evidenceRef: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  },
  Strict,
);

export const DecisionBody = Type.Object(
  {
    decision: StringEnum(DECISIONS),
    reason: Type.String({ minLength: 2, maxLength: 1000 }),
    correction: Type.Optional(
      Type.Object(
        {
          quantity: Type.Optional(Type.Number()),
          occurredOn: Type.Optional(DateText('YYYY-MM-DD')),
          validUntil: Type.Optional(DateText('YYYY-MM-DD')),
        },
        Strict,
      ),
    ),
  },
  Strict,
);

export const MeasureSchema = Type.Object(
  {
    id: Type.String(),
    kind: StringEnum(['public', 'market'] as const),
    providerId: Type.String(),
    provider: Type.Object(Names),
    name: Type.Object(Names),
    benefit: Type.Object(Names),
    minTier: Type.String(),
    disclosesTier: Type.Boolean(),
    validFrom: Type.String(),
    validUntil: Type.Union([Type.String(), Type.Null()]),
    qualifies: Type.Optional(Type.Boolean()),
  },
  { $id: 'CreditMeasure', title: 'CreditMeasure' },
);

export const RecordTypeSchema = Type.Object({
  code: Type.String(),
  ...Names,
  department: Type.String(),
  polarity: StringEnum(['positive', 'negative'] as const),
  dimension: StringEnum(DIMENSIONS),
  unit: Type.Object(Names),
  validityMonths: Type.Integer(),
  maxQuantity: Type.Number(),
  repairable: Type.Boolean(),
});

export { Nullable };
