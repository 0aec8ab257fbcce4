import { Type } from '@sinclair/typebox';
import { StringEnum } from '../../http/schemas';
import { CARBON_LEVELS } from './carbon-efficiency';
import { FOUR_COLOUR_LABELS } from './four-colour';
import { FactorProvenanceSchema, LabelResultSchema } from './industrial-schemas';

/** Response schemas of the green-finance routes (every field listed: responses are serialised by schema). */

const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const Level = Type.Union([StringEnum(CARBON_LEVELS), Type.Null()]);
const Label = StringEnum(FOUR_COLOUR_LABELS);
const Grade = Type.Union([Type.Integer({ minimum: 1, maximum: 5 }), Type.Null()]);
const Uscc = Type.String({ description: '统一社会信用代码' });

export const BankSchema = Type.Object(
  { uscc: Uscc, nameZh: Type.String(), nameEn: Type.String() },
  { $id: 'PartnerBank', title: 'PartnerBank' },
);

export const ConsentSchema = Type.Object(
  {
    id: Type.String(),
    bank: Type.Union([Type.Ref('PartnerBank'), Type.Null()]),
    purpose: Type.String(),
    dataset: Type.String(),
    grantedAt: Type.String({ format: 'date-time' }),
    expiresAt: Type.String({ format: 'date-time' }),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    status: StringEnum(['active', 'expired', 'revoked'] as const),
  },
  { $id: 'CarbonConsent', title: 'CarbonConsent' },
);

export const AccessRecordSchema = Type.Object(
  {
    seq: Type.Integer(),
    occurredAt: Type.String({ format: 'date-time' }),
    actor: Type.Object({
      id: Type.String(),
      role: Type.String(),
      organisation: Type.Union([Type.String(), Type.Null()]),
    }),
    organisationName: Type.Union([Type.Object({ zh: Type.String(), en: Type.String() }), Type.Null()]),
    dataset: Type.String(),
    fields: Type.Array(Type.String()),
    purpose: Type.String(),
    consentId: Type.Union([Type.String(), Type.Null()]),
    caseId: Type.Union([Type.String(), Type.Null()]),
    requestId: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'DataAccessRecord', title: 'DataAccessRecord' },
);

export const CreditReportSchema = Type.Object(
  {
    enterprise: Type.Object({
      uscc: Uscc,
      name: Type.String(),
      industryCode: Type.String({ description: 'GB/T 4754-2017 class' }),
      industryName: Type.String(),
      countyCode: Type.String(),
    }),
    generatedAt: Type.String({ format: 'date-time' }),
    window: Type.Union([Type.Object({ from: Type.String(), to: Type.String() }), Type.Null()], {
      description: 'Twelve months up to the last closed month; null before the first close',
    }),
    months: Type.Array(
      Type.Object({
        period: Type.String(),
        status: StringEnum(['closed', 'provisional'] as const),
        totalTonnes: Type.Number(),
        energyTonnes: Type.Number(),
        processTonnes: Type.Number(),
        valueAdded: NullableNumber,
        intensity: NullableNumber,
        level: Level,
        grade: Grade,
        label: Type.Union([Label, Type.Null()]),
        unconfirmedRows: Type.Integer({
          description: 'Rows left out until an officer confirms them; a closed month with any has no label',
        }),
      }),
    ),
    missingPeriods: Type.Array(Type.String()),
    summary: Type.Object({
      totalTonnes: Type.Number(),
      valueAdded: NullableNumber,
      intensity: NullableNumber,
      level: Level,
      intensityChange: NullableNumber,
      trend: Type.Union([StringEnum(['falling', 'flat', 'rising'] as const), Type.Null()]),
      unconfirmedRows: Type.Integer({ description: 'Rows of the window waiting for confirmation' }),
      unconfirmedPeriods: Type.Array(Type.String()),
    }),
    efficiency: Type.Union(
      [
        Type.Object({
          period: Type.String(),
          level: Level,
          grade: Grade,
          k: NullableNumber,
          industryAverage: NullableNumber,
        }),
        Type.Null(),
      ],
      { description: 'Of the last closed month of the window without unconfirmed rows; null if none' },
    ),
    label: Type.Union(
      [
        Type.Object({
          period: Type.String(),
          label: Label,
          explanation: Type.Union([LabelResultSchema, Type.Null()]),
        }),
        Type.Null(),
      ],
      { description: 'Of the same month as efficiency; the suggested rate follows it' },
    ),
    factors: Type.Array(FactorProvenanceSchema),
    suggestedRate: Type.Union([
      Type.Object({
        lprBasisPoints: Type.Integer({ description: 'PBoC 1-year LPR, basis points' }),
        lprEffectiveFrom: Type.String({ format: 'date' }),
        lprSource: Type.String(),
        label: Label,
        spreadBasisPoints: Type.Integer(),
        spreadBasis: StringEnum(['assumption', 'published'] as const),
        rateBasisPoints: Type.Integer(),
        ratePercent: Type.String(),
        tableVersion: Type.String(),
      }),
      Type.Null(),
    ]),
  },
  { $id: 'CarbonCreditReport', title: 'CarbonCreditReport' },
);
