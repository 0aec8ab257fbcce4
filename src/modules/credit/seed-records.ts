import { addDays, addMonthsToDate, toDayNumber } from '../../kernel/calendar';
import type { Random } from '../../seed/random';
import { recordType } from './record-types';

/** One seeded record, in the column order of SEED_COLUMNS. */
export type SeedRow = [
  id: string,
  source: string,
  source_record_id: string,
  resident_id: string,
  division_code: string,
  type: string,
  department: string,
  quantity: number,
  occurred_on: string,
  valid_until: string,
  evidence_ref: string | null,
  status: string,
  revision: number,
  created_at: string,
  created_by: string,
  updated_at: string,
];

export const SEED_COLUMNS = [
  'id',
  'source',
  'source_record_id',
  'resident_id',
  'division_code',
  'type',
  'department',
  'quantity',
  'occurred_on',
  'valid_until',
  'evidence_ref',
  'status',
  'revision',
  'created_at',
  'created_by',
  'updated_at',
] as const;

export interface SeedResident {
  residentId: string;
  divisionCode: string;
  birthDate: string;
}

/** A fact `monthsAgo` months (and a few days) before today, never in the future. */
function dateBack(random: Random, today: string, maxMonths: number): string {
  const day = addDays(addMonthsToDate(today, -random.int(maxMonths)), -random.int(28));
  return day > today ? today : day;
}

const ageOn = (birthDate: string, today: string) => (toDayNumber(today) - toDayNumber(birthDate)) / 365.25;

/**
 * A plausible record history for one resident [assume: rates are ours, chosen so most residents are ordinary
 * (良好), some volunteers rise above, and few have negatives]: the police's household-registration record for
 * adults, quarterly records of utilities paid on time and of social-insurance and provident-fund contributions for
 * people of working age, volunteering, blood donation and 有礼 good deeds for some, and a few traffic violations,
 * utility arrears, tax arrears and dishonest-debtor listings. Quarterly records make about eight per resident, the
 * ~20M the full-scale city (2.57M) is benchmarked with.
 */
export function recordsFor(
  resident: SeedResident,
  random: Random,
  today: string,
  createdAt: string,
): SeedRow[] {
  const rows: SeedRow[] = [];
  const age = ageOn(resident.birthDate, today);
  if (age < 18) return rows;
  const county = resident.divisionCode.slice(0, 6);
  const add = (type: string, quantity: number, occurredOn: string) => {
    const t = recordType(type)!;
    const validUntil = addMonthsToDate(occurredOn, t.validityMonths);
    if (validUntil <= today) return;
    const n = rows.length + 1;
    const sourceRecordId = `seed-${resident.residentId}-${n}`;
    rows.push([
      `seed:${resident.residentId}:${n}`,
      `${t.department}/${county}`,
      sourceRecordId,
      resident.residentId,
      resident.divisionCode,
      type,
      t.department,
      quantity,
      occurredOn,
      validUntil,
      null,
      'active',
      1,
      createdAt,
      'seed',
      createdAt,
    ]);
  };
  if (random.chance(0.96)) add('household_registration', 1, dateBack(random, today, 100));
  const working = age < 60;
  // Quarters of the last year, newest first: each record covers three months.
  const quarters = [0, 3, 6, 9].map((back) => addDays(addMonthsToDate(today, -back), -random.int(20)));
  if (random.chance(0.72)) for (const day of quarters) add('utility_on_time', 3, day);
  if (working && random.chance(0.78)) for (const day of quarters) add('social_insurance_continuity', 3, day);
  if (working && random.chance(0.36)) for (const day of quarters) add('provident_fund_continuity', 3, day);
  if (random.chance(0.14)) {
    const sessions = random.between(1, 4);
    for (let i = 0; i < sessions; i++)
      add('volunteer_service', random.between(2, 30), dateBack(random, today, 30));
  }
  if (age < 60 && random.chance(0.03)) add('blood_donation', 1, dateBack(random, today, 30));
  if (random.chance(0.012)) add('youli_good_deed', 1, dateBack(random, today, 30));
  if (random.chance(0.06)) add('skill_certificate', 1, dateBack(random, today, 50));
  if (random.chance(0.07)) add('traffic_violation', random.between(1, 3), dateBack(random, today, 11));
  if (random.chance(0.02)) add('utility_arrears', 1, dateBack(random, today, 11));
  if (working && random.chance(0.004)) add('tax_arrears', 1, dateBack(random, today, 30));
  if (random.chance(0.005)) add('court_enforcement', 1, dateBack(random, today, 30));
  return rows;
}

/**
 * The demo login's resident gets a history that shows every part of the page: ordinary positives, volunteering,
 * a traffic violation and utility arrears that can be repaired (信用修复), all dated relative to today.
 */
export function demoResidentRecords(resident: SeedResident, today: string, createdAt: string): SeedRow[] {
  const county = resident.divisionCode.slice(0, 6);
  const rows: [string, number, string][] = [
    ['household_registration', 1, addMonthsToDate(today, -60)],
    ['utility_on_time', 3, addDays(today, -10)],
    ['utility_on_time', 3, addMonthsToDate(today, -3)],
    ['utility_on_time', 3, addMonthsToDate(today, -6)],
    ['social_insurance_continuity', 3, addDays(today, -12)],
    ['social_insurance_continuity', 3, addMonthsToDate(today, -3)],
    ['social_insurance_continuity', 3, addMonthsToDate(today, -6)],
    ['social_insurance_continuity', 3, addMonthsToDate(today, -9)],
    ['volunteer_service', 16, addMonthsToDate(today, -2)],
    ['volunteer_service', 8, addMonthsToDate(today, -7)],
    ['traffic_violation', 1, addMonthsToDate(today, -5)],
    ['utility_arrears', 1, addMonthsToDate(today, -4)],
  ];
  return rows.map(([type, quantity, occurredOn], i) => {
    const t = recordType(type)!;
    const n = i + 1;
    return [
      `seed:${resident.residentId}:demo-${n}`,
      `${t.department}/${county}`,
      `seed-demo-${n}`,
      resident.residentId,
      resident.divisionCode,
      type,
      t.department,
      quantity,
      occurredOn,
      addMonthsToDate(occurredOn, t.validityMonths),
      `DEMO-${t.department.toUpperCase()}-${String(n).padStart(4, '0')}`,
      'active',
      1,
      createdAt,
      'seed',
      createdAt,
    ];
  });
}
