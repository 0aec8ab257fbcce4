import { type Static, type TLiteral, Type } from '@sinclair/typebox';
import { Strict } from '../../http/schemas';
import {
  CATEGORIES,
  CHANNELS,
  CROSS_PROVINCE_MODES,
  DELIVERIES,
  FORM_FIELD_TYPES,
  ITEM_DEPARTMENTS,
  ITEM_TYPES,
  RESULT_KINDS,
} from './catalogue';

/**
 * One of `values`, as a union of literals rather than the API's StringEnum: the same schema is checked with TypeBox's
 * own Value.Errors (the shipped file), which does not know StringEnum's unsafe kind.
 */
const StringEnum = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)) as TLiteral<T>[]);

/** The shape of an item definition, for the shipped file and for an officer's edit alike. */
const LabelSchema = Type.Object(
  { zh: Type.String({ minLength: 1, maxLength: 200 }), en: Type.String({ minLength: 1, maxLength: 300 }) },
  Strict,
);
const Key = Type.String({ pattern: '^[a-z][a-zA-Z0-9-]{0,63}$' });

const MaterialSchema = Type.Union([
  Type.Object(
    {
      key: Key,
      name: LabelSchema,
      source: Type.Literal('applicant'),
      required: Type.Boolean(),
      original: Type.Boolean({ description: 'The original paper must be shown at a window' }),
    },
    Strict,
  ),
  Type.Object(
    {
      key: Key,
      name: LabelSchema,
      source: Type.Literal('registry'),
      dataset: Type.String({ minLength: 1, maxLength: 40 }),
      fields: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { minItems: 1, maxItems: 20 }),
    },
    Strict,
  ),
  Type.Object({ key: Key, name: LabelSchema, source: Type.Literal('not_needed'), note: LabelSchema }, Strict),
]);

const FormFieldSchema = Type.Object(
  {
    key: Key,
    label: LabelSchema,
    type: StringEnum(FORM_FIELD_TYPES),
    required: Type.Boolean(),
    prefill: Type.Optional(Type.String({ maxLength: 60 })),
    options: Type.Optional(
      Type.Array(
        Type.Object({ value: Type.String({ minLength: 1, maxLength: 40 }), label: LabelSchema }, Strict),
        {
          minItems: 1,
          maxItems: 30,
        },
      ),
    ),
  },
  Strict,
);

export const ItemDefinitionSchema = Type.Object(
  {
    name: LabelSchema,
    category: StringEnum(CATEGORIES),
    department: StringEnum(ITEM_DEPARTMENTS),
    level: StringEnum(['city', 'county'] as const),
    itemType: StringEnum(ITEM_TYPES),
    applicant: StringEnum(['resident', 'enterprise'] as const),
    legalLimitDays: Type.Integer({ minimum: 0, maximum: 60 }),
    promisedLimitDays: Type.Integer({ minimum: 0, maximum: 60 }),
    feeFen: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
    feeBasis: Type.Union([Type.String({ minLength: 1, maxLength: 300 }), Type.Null()]),
    channels: Type.Array(StringEnum(CHANNELS), { minItems: 1, maxItems: 2, uniqueItems: true }),
    alliance: Type.Boolean(),
    crossProvinceModes: Type.Array(StringEnum(CROSS_PROVINCE_MODES), { maxItems: 3, uniqueItems: true }),
    jointDepartments: Type.Array(StringEnum(ITEM_DEPARTMENTS), { maxItems: 7, uniqueItems: true }),
    maxVisits: Type.Union([Type.Literal(0), Type.Literal(1)]),
    result: Type.Object(
      {
        kind: StringEnum(RESULT_KINDS),
        name: LabelSchema,
        delivery: Type.Array(StringEnum(DELIVERIES), { minItems: 1, maxItems: 3, uniqueItems: true }),
      },
      Strict,
    ),
    legalBasis: Type.String({ minLength: 1, maxLength: 500 }),
    materials: Type.Array(MaterialSchema, { minItems: 1, maxItems: 30 }),
    form: Type.Array(FormFieldSchema, { maxItems: 30 }),
    conditions: Type.Unknown({ description: 'A kernel rule: { all | any | not | fact/op/value, message }' }),
  },
  Strict,
);

export type ItemDefinitionInput = Static<typeof ItemDefinitionSchema>;
