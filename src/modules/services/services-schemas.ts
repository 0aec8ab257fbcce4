import { Type } from '@sinclair/typebox';
import { Strict, StringEnum } from '../../http/schemas';
import { CASE_ACTIONS, CASE_STATES } from './case-workflow';
import { CATEGORIES, CHANNELS, CROSS_PROVINCE_MODES, DELIVERIES } from './catalogue';

const Label = Type.Object({ zh: Type.String(), en: Type.String() });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

/** An item in a list: enough to choose it (how many visits, whether anything must be uploaded). */
export const ItemSummarySchema = Type.Object(
  {
    id: Type.String({ description: '<city>-<key>, e.g. 330800-hpf-transfer' }),
    key: Type.String(),
    cityCode: Type.String(),
    version: Type.Integer(),
    name: Label,
    category: StringEnum(CATEGORIES),
    department: Type.String(),
    level: Type.String(),
    applicant: Type.String(),
    promisedLimitDays: Type.Integer(),
    legalLimitDays: Type.Integer(),
    maxVisits: Type.Integer(),
    channels: Type.Array(StringEnum(CHANNELS)),
    alliance: Type.Boolean(),
    crossProvinceModes: Type.Array(StringEnum(CROSS_PROVINCE_MODES)),
    certificateFree: Type.Boolean({
      description: '无证明: nothing to upload, every proof fetched or abolished',
    }),
    feeFen: Type.Integer(),
  },
  { $id: 'ServiceItemSummary' },
);

export const ItemSchema = Type.Object(
  {
    id: Type.String(),
    key: Type.String(),
    cityCode: Type.String(),
    version: Type.Integer(),
    definition: Type.Unknown({ description: 'The full definition (see PUT /items/{id})' }),
    /** The registry fetches, named, for the applicant to see before consenting. */
    fetches: Type.Array(
      Type.Object({
        dataset: Type.String(),
        name: Label,
        keeper: Label,
        fields: Type.Array(Type.Object({ field: Type.String(), label: Label })),
      }),
    ),
  },
  { $id: 'ServiceItem' },
);

export const ItemEditBody = Type.Object(
  {
    definition: Type.Unknown({ description: 'The whole new definition' }),
    expectedVersion: Type.Integer({ minimum: 1, description: 'The version the edit starts from' }),
    note: Type.String({ minLength: 2, maxLength: 500, description: 'Why it changes' }),
  },
  Strict,
);

export const UploadSchema = Type.Object({
  hash: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  fileName: Type.String(),
});

export const SubmitBody = Type.Object(
  {
    itemId: Type.String({ minLength: 3, maxLength: 80 }),
    form: Type.Record(
      Type.String(),
      Type.Union([Type.String({ maxLength: 500 }), Type.Number(), Type.Null()]),
      {
        maxProperties: 30,
      },
    ),
    materials: Type.Optional(
      Type.Record(Type.String(), Type.String({ pattern: '^[0-9a-f]{64}$' }), {
        maxProperties: 30,
        description: 'Material key → the hash POST /files returned',
      }),
    ),
    consent: Type.Boolean({
      description: 'Let the handling office fetch the listed registry records for this case',
    }),
    requestKey: Type.Optional(Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })),
    fromCity: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
    handlingDivision: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
    applicantId: Type.Optional(
      Type.String({ minLength: 18, maxLength: 18, description: 'Window intake: whom the case is for' }),
    ),
  },
  Strict,
);

const Problem = Type.Object(
  {
    kind: StringEnum(['form', 'material', 'condition'] as const),
    key: Type.Union([Type.String({ maxLength: 80 }), Type.Null()]),
    message: Type.Object(
      {
        zh: Type.String({ minLength: 1, maxLength: 300 }),
        en: Type.String({ minLength: 1, maxLength: 300 }),
      },
      Strict,
    ),
  },
  Strict,
);

export const ActionBody = Type.Object(
  {
    reasons: Type.Optional(Type.Array(Problem, { minItems: 1, maxItems: 30 })),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
    toDivision: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
    toOfficer: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: 'Username of the officer' }),
    ),
    delivery: Type.Optional(StringEnum(DELIVERIES)),
    trackingNumber: Type.Optional(Type.String({ maxLength: 20 })),
    expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
    form: Type.Optional(
      Type.Record(Type.String(), Type.Union([Type.String({ maxLength: 500 }), Type.Number(), Type.Null()]), {
        maxProperties: 30,
      }),
    ),
    materials: Type.Optional(
      Type.Record(Type.String(), Type.String({ pattern: '^[0-9a-f]{64}$' }), { maxProperties: 30 }),
    ),
  },
  Strict,
);

export const OpinionBody = Type.Object(
  { opinion: StringEnum(['agree', 'disagree'] as const), reason: Type.String({ maxLength: 1000 }) },
  Strict,
);

const SlaSchema = Type.Union([
  Type.Null(),
  Type.Object({
    state: StringEnum(['on_track', 'warning', 'overdue', 'paused'] as const),
    usedDays: Type.Integer(),
    remainingDays: Type.Integer(),
    dueOn: Nullable(Type.String()),
    warnOn: Nullable(Type.String()),
    dueDateProvisional: Type.Boolean({
      description:
        'The count runs through a year without its State Council holiday notice yet (provisional calendar: the law’s days off, no 调休); the due date may move once the notice is added',
    }),
  }),
]);

/** A case as a list row or the head of the detail. */
export const CaseSchema = Type.Object(
  {
    id: Type.String({ description: '办件编号' }),
    itemId: Type.String(),
    itemVersion: Type.Integer(),
    itemName: Label,
    department: Type.String(),
    applicantType: Type.String(),
    applicantId: Type.String({ description: 'Masked for roles that do not need it' }),
    applicantName: Type.String(),
    handlingDivision: Type.String(),
    receivingDivision: Type.String(),
    mode: StringEnum(['local', 'full_online', 'proxy', 'joint'] as const),
    channel: StringEnum(CHANNELS),
    state: StringEnum(CASE_STATES),
    submittedAt: Type.String(),
    acceptedOn: Nullable(Type.String()),
    limitDays: Type.Integer(),
    dueOn: Nullable(Type.String()),
    sla: SlaSchema,
    escalated: Type.Boolean(),
    visits: Type.Integer(),
    maxVisits: Type.Integer(),
    promisedVisits: Type.Integer({
      description: 'Visits the promise allows this case (a window case: its intake)',
    }),
    overVisits: Type.Boolean({
      description: 'More visits than the item promises (a window case is allowed its intake visit)',
    }),
    assigneeName: Nullable(Type.String()),
    returnReasons: Type.Union([Type.Array(Problem), Type.Null()]),
    decisionReason: Nullable(Type.String()),
    decidedAt: Nullable(Type.String()),
    delivery: Nullable(Type.String()),
    trackingNumber: Nullable(Type.String()),
    resultNumber: Nullable(Type.String()),
    version: Type.Integer({ description: 'Send as expectedVersion to act only on what you saw' }),
  },
  { $id: 'ServiceCase' },
);

export const CaseDetailSchema = Type.Object({
  case: Type.Ref('ServiceCase'),
  roles: Type.Array(Type.String()),
  actions: Type.Array(StringEnum(CASE_ACTIONS)),
  form: Type.Record(Type.String(), Type.Unknown()),
  materials: Type.Array(
    Type.Object({
      key: Type.String(),
      name: Label,
      source: Type.String(),
      fileName: Nullable(Type.String()),
      mediaType: Nullable(Type.String()),
      size: Type.Union([Type.Integer(), Type.Null()]),
      proof: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    }),
  ),
  opinions: Type.Array(
    Type.Object({
      department: Type.String(),
      opinion: Type.String(),
      reason: Type.String(),
      at: Type.String(),
    }),
  ),
  timeline: Type.Array(
    Type.Object({
      at: Type.String(),
      action: Type.String(),
      fromState: Nullable(Type.String()),
      toState: Type.String(),
      actorRole: Type.String(),
      actorOffice: Nullable(Type.String()),
      visit: Type.Boolean(),
      detail: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
});
